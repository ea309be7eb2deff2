import { eq } from "drizzle-orm";
import { z } from "zod";
import { companies } from "@/db/schema";
import { defineAction } from "@/lib/actions/action";

/** Who may edit saved replies (EDIT-4): admins only, or everyone. */
export const setSavedReplyEditors = defineAction(
  { input: z.object({ role: z.enum(["admin", "agent"]) }), roles: ["admin"] },
  async ({ role }, { db, companyId }) => {
    await db.update(companies).set({ savedReplyEditorsRole: role }).where(eq(companies.id, companyId));
    return { role };
  },
);
