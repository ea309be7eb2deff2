import "server-only";
import type { Db } from "@/db/client";
import { countAudience, sampleAudience, type AudienceQuery } from "@/db/queries/audience";
import { withAudienceGroups } from "@/db/queries/groups";
import { findCustomersByIds, findResultSubjects, listCustomerResults } from "@/db/queries/automation-runs";
import { findCompany } from "@/db/queries/companies";
import { findCustomerByMobile, insertCustomerForNumber } from "@/db/queries/inbound";
import type { AutomationSkipReason } from "@/db/schema";
import { SafeError } from "@/lib/actions/errors";
import { customerSearchText } from "@/lib/customers/search-text";
import { sendRefusal } from "@/lib/messaging/sendability";
import { sendSms, type SendDependencies } from "@/lib/messaging/send";
import { payUrl } from "@/lib/payments/payments";
import { parsePhone } from "@/lib/phone";
import { reviewUrl } from "@/lib/reviews/reviews";
import { templateValues } from "@/lib/templates/context";
import { TemplateSyntaxError } from "@/lib/templates/parse";
import { renderTemplate } from "@/lib/templates/render";
import { subjectForScope } from "./run";
import type { AutomationDefinition } from "./types";

export type DryRunRow = {
  customerId: string;
  name: string;
  mobile: string | null;
  /** The exact text this customer would receive; null when it cannot be rendered. */
  text: string | null;
  /** Why this customer would not be texted, or null. */
  skipReason: AutomationSkipReason | null;
  appointmentId: string | null;
  eventId: string | null;
  subjectAt: Date | null;
};

export type DryRun = { count: number; rows: DryRunRow[] };

type Definition = Pick<AutomationDefinition, "rules" | "messageBody" | "marketing" | "triggerScope" | "repeatAfterDays"> & Partial<Pick<AutomationDefinition, "type">>;

/** The link a review or payment request adds after its text, as the dry run shows it. */
export function linkPreview(type: Definition["type"]) {
  if (type === "review_request") return reviewUrl("…");
  if (type === "payment_request") return payUrl("…");
  return null;
}

/** The trigger key the run would give this row (same as the run's SQL). */
function triggerKeyOf(scope: Definition["triggerScope"], row: { appointmentId: string | null; eventId: string | null; subjectAt: Date | null }) {
  if (scope === "appointment") return `appointment:${row.appointmentId}@${Math.floor((row.subjectAt?.getTime() ?? 0) / 1000)}`;
  if (scope === "event") return `event:${row.eventId}`;
  return "customer";
}

/**
 * What a run would do now, without sending (AUTO-6): how many match, and for the first
 * `limit` the exact text and, for those who would be skipped, why. Works on an unsaved
 * definition; with `automationId`, customers already texted for the trigger show so.
 */
export async function dryRunAutomation(
  db: Db,
  { companyId, definition, now = new Date(), limit = 20, automationId }: { companyId: string; definition: Definition; now?: Date; limit?: number; automationId?: string | null },
): Promise<DryRun> {
  const company = await findCompany(db, { companyId });
  if (!company) return { count: 0, rows: [] };
  const query: AudienceQuery = await withAudienceGroups(db, { companyId, rules: definition.rules, subject: subjectForScope(definition.triggerScope), now, timeZone: company.timezone });
  const [count, sample] = await Promise.all([countAudience(db, query), sampleAudience(db, { ...query, limit })]);
  const customerIds = [...new Set(sample.map((row) => row.customerId))];
  const [customers, subjects, existing] = await Promise.all([
    findCustomersByIds(db, { companyId, customerIds }),
    findResultSubjects(db, {
      companyId,
      appointmentIds: sample.flatMap((row) => (row.appointmentId ? [row.appointmentId] : [])),
      eventIds: sample.flatMap((row) => (row.eventId ? [row.eventId] : [])),
    }),
    automationId ? listCustomerResults(db, { companyId, automationId, customerIds }) : Promise.resolve([]),
  ]);
  const repeatSince = now.getTime() - Math.max(1, definition.repeatAfterDays ?? 1) * 86_400_000;
  const alreadyTexted = (row: (typeof sample)[number]) => {
    const mine = existing.filter((result) => result.customerId === row.customerId);
    if (definition.triggerScope === "customer_repeat") return mine.some((result) => result.createdAt.getTime() > repeatSince);
    const key = triggerKeyOf(definition.triggerScope, row);
    return mine.some((result) => result.triggerKey === key);
  };
  const category = definition.marketing ? "marketing" : "general";

  const rows = sample.map((row): DryRunRow => {
    const customer = customers.get(row.customerId);
    const base = { customerId: row.customerId, appointmentId: row.appointmentId, eventId: row.eventId, subjectAt: row.subjectAt };
    if (!customer) return { ...base, name: "", mobile: null, text: null, skipReason: "customer_not_found" };
    const name = `${customer.firstName} ${customer.lastName}`.trim();
    let text: string | null = null;
    let renderProblem: AutomationSkipReason | null = null;
    try {
      text = renderTemplate(
        definition.messageBody,
        templateValues({
          locale: customer.language,
          timeZone: company.timezone,
          customer,
          company,
          user: null,
          appointment: row.appointmentId ? (subjects.appointments.get(row.appointmentId) ?? null) : null,
          event: row.eventId ? (subjects.events.get(row.eventId) ?? null) : null,
        }),
      ).trim();
      if (!text) renderProblem = "empty_message";
      const link = linkPreview(definition.type);
      if (text && link) text = `${text}\n${link}`;
    } catch (error) {
      if (!(error instanceof TemplateSyntaxError)) throw error;
      renderProblem = "template_error";
    }
    const skipReason: AutomationSkipReason | null = alreadyTexted(row) ? "already_texted" : (sendRefusal(customer, company, category, now) ?? renderProblem);
    return { ...base, name, mobile: customer.mobile, text: text || null, skipReason };
  });
  return { count, rows };
}

/**
 * "Send a test" (AUTO-4): the draft's message to any mobile number, through the sending
 * gate (which refuses an opted-out number), recorded as a test and never as a result.
 * Appointment and event tokens use the first matching customer's appointment or event.
 */
export async function sendAutomationTest(
  db: Db,
  { companyId, userId, definition, mobile, now = new Date() }: { companyId: string; userId: string; definition: Definition; mobile: string; now?: Date },
  dependencies: SendDependencies = {},
) {
  const company = await findCompany(db, { companyId });
  if (!company) throw new SafeError("errors.notFound");
  const parsed = parsePhone(mobile);
  if (!parsed.ok) throw new SafeError("automationEngine.errors.testMobileInvalid");
  if (!definition.messageBody.trim()) throw new SafeError("automationEngine.errors.messageMissing");
  const customer =
    (await findCustomerByMobile(db, { companyId, mobile: parsed.e164 })) ??
    (await insertCustomerForNumber(db, { companyId, mobile: parsed.e164, language: company.locale, searchText: customerSearchText({ firstName: "", lastName: "", mobile: parsed.e164 }) })) ??
    (await findCustomerByMobile(db, { companyId, mobile: parsed.e164 }))!;
  const [sample] = await withAudienceGroups(db, { companyId, rules: definition.rules, subject: subjectForScope(definition.triggerScope), now, timeZone: company.timezone, limit: 1 })
    .then((query) => sampleAudience(db, query))
    .catch(() => []);
  const subjects = sample
    ? await findResultSubjects(db, { companyId, appointmentIds: sample.appointmentId ? [sample.appointmentId] : [], eventIds: sample.eventId ? [sample.eventId] : [] })
    : null;
  const outcome = await sendSms(
    db,
    {
      companyId,
      customerId: customer.id,
      body: definition.messageBody,
      category: definition.marketing ? "marketing" : "general",
      source: { kind: "automation_test" },
      senderUserId: userId,
      subjects: {
        appointment: sample?.appointmentId ? (subjects?.appointments.get(sample.appointmentId) ?? null) : null,
        event: sample?.eventId ? (subjects?.events.get(sample.eventId) ?? null) : null,
      },
    },
    { ...dependencies, now: dependencies.now ?? now },
  );
  if (!outcome.ok) return { ok: false as const, reason: outcome.reason };
  return { ok: true as const, messageId: outcome.message.id, conversationId: outcome.message.conversationId, text: outcome.message.body, status: outcome.message.status };
}
