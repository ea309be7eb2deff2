"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { NotFoundError } from "@/lib/actions/errors";
import { env } from "@/lib/env";
import { sendDueReportEmails } from "./emails/send";

/**
 * Dev tools (/dev/outbox): the signed-in admin's company gets its report emails now, without
 * waiting for Monday or 07:00 — still once per user and period, like the sweep.
 */
export const sendReportEmailsNow = defineAction(
  { input: z.object({}), output: z.object({ weekly: z.number(), daily: z.number() }), permission: "readMailOutbox" },
  async (_input, { db, companyId }) => {
    if (!env().devTools) throw new NotFoundError();
    return sendDueReportEmails(db, new Date(), { companyId, anyTime: true });
  },
);
