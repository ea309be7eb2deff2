"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { SafeError } from "@/lib/actions/errors";
import { env } from "@/lib/env";
import { simulatorTextSchema, textAsCustomer } from "./simulator";

/** Texts the signed-in user's company as one of its customers would (dev tools only). */
export const textAsCustomerAction = defineAction(
  { input: simulatorTextSchema, output: z.object({ from: z.string() }) },
  async (input, { db, companyId }) => {
    const config = env();
    if (!config.devTools) throw new SafeError("errors.forbidden");
    const result = await textAsCustomer(db, { ...input, companyId }, { appUrl: config.APP_URL, secret: config.vonageSignatureSecret });
    if (!result.ok) throw new SafeError(result.error);
    return { from: result.from };
  },
);
