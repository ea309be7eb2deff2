"use server";

import { z } from "zod";
import { setAutomationTemplateKey } from "@/db/queries/automation-library";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError, SafeError } from "@/lib/actions/errors";
import { createAutomation } from "./actions";
import { findTemplate } from "./library";
import { automationDefinitionSchema } from "./validation";

/**
 * The library's last step, "Yes, activate the automation" (AUTO-9): the adjusted template
 * goes through the wizard's own create (same checks: users of this company, valid
 * templates, rules) and is active at once; it remembers the template it came from.
 */
export const createAutomationFromTemplate = defineAction(
  {
    input: z.object({ templateKey: z.string().min(1).max(64), definition: automationDefinitionSchema }),
    output: z.object({ id: z.string(), status: z.enum(["draft", "active", "paused", "archived"]) }),
    permission: "manageAutomations",
  },
  async ({ templateKey, definition }, context) => {
    if (!findTemplate(templateKey)) throw new NotFoundError();
    const created = await createAutomation.run(context, { definition, activate: true });
    if (!created.ok) throw new SafeError(created.error, created.values);
    await setAutomationTemplateKey(context.db, { companyId: context.companyId, automationId: created.data.id, templateKey });
    return created.data;
  },
);
