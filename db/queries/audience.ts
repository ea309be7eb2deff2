import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { TZDate } from "@date-fns/tz";
import type { AudienceCondition, AudienceRules } from "@/db/schema";
import { utcToZonedLocal } from "@/lib/time";

/**
 * What one audience row is about. "customer": one row per matching customer, appointment
 * and event rules are EXISTS subqueries. "appointment" / "event": one row per matching
 * appointment / event of a matching customer, its rules applied to that row (so the
 * reminder knows which appointment it is about).
 */
export type AudienceSubject = "customer" | "appointment" | "event";

export type AudienceQuery = {
  companyId: string;
  rules: AudienceRules;
  subject: AudienceSubject;
  /** "Within the next N days", "N hours before": relative to this instant… */
  now: Date;
  /** …and calendar days in this zone. */
  timeZone: string;
  /**
   * The groups "is / is not in group" rules name, with any they name in turn
   * (lib/groups/audience.ts `withAudienceGroups` loads them for the company and refuses
   * cycles); a rule naming a group missing here is refused, never matched.
   */
  groups?: AudienceGroups;
};

/** A group as the compiler needs it: static ones are their members, dynamic ones their rules. */
export type AudienceGroup = { kind: "static" } | { kind: "dynamic"; rules: AudienceRules };
export type AudienceGroups = Readonly<Record<string, AudienceGroup>>;

/**
 * The audience as one parameterised SELECT with the columns
 * `customer_id, appointment_id, event_id, subject_at` (subject_at: the appointment's start
 * or the event's time; null for customer subjects). Merged-away customers never match.
 * Values are always bound parameters, never spliced into SQL text.
 *
 * CONTRACT (issue 11): the rule compiler fills `conditions` for every category × operator;
 * callers (count, sample, the run's INSERT … SELECT) only use this function.
 *
 * How rules read (AUTO-6):
 * - rules are ANDed, a rule's sub-rules ORed; no rule matches everyone, a rule without
 *   sub-rules no one;
 * - a condition on another category than the subject's reads "the customer has an
 *   appointment / event / received message whose …" (an EXISTS per condition);
 * - text compares case- and accent-insensitively (parley_fold, which the trigram indexes
 *   are built on: "Cote" finds "Côté"), LIKE wildcards in a value are literal; negations
 *   (does not contain, is not, ≠, includes none) also match an unknown value; "unknown" is
 *   null, empty text or an empty list;
 * - dates use the company's calendar: "within the next N days" runs from now (from today
 *   for a calendar-date attribute) to the end of the Nth day; "N hours before"
 *   (before_subject) is now ≤ time ≤ now + N; "N hours after" (after_subject) is
 *   now - N - 1 day < time ≤ now - N, so a new automation never reaches into all history;
 * - custom attributes (`attributes.<key>`) read the owner's JSONB, numbers also from
 *   numeric text, collections also from a lone string; the key is a bound parameter too;
 * - "has no appointment in the next N days / ever" is a NOT EXISTS whatever the subject.
 * - "is in group": a static group is an EXISTS over its members, a dynamic group its own
 *   rules inlined (about the customer, whatever the subject); "is not in group" is the
 *   negation, so it also matches customers the group's rules cannot tell about.
 */
export function audienceSelect(query: AudienceQuery): SQL {
  const { companyId, subject } = query;
  const where = compileRules(query);
  if (subject === "appointment") {
    return sql`select c.id as customer_id, a.id as appointment_id, null::uuid as event_id, a.start_at as subject_at
      from appointments a join customers c on c.id = a.customer_id and c.company_id = a.company_id
      where a.company_id = ${companyId} and c.merged_into_id is null and ${where}`;
  }
  if (subject === "event") {
    return sql`select c.id as customer_id, null::uuid as appointment_id, e.id as event_id, e.occurred_at as subject_at
      from customer_events e join customers c on c.id = e.customer_id and c.company_id = e.company_id
      where e.company_id = ${companyId} and c.merged_into_id is null and ${where}`;
  }
  return sql`select c.id as customer_id, null::uuid as appointment_id, null::uuid as event_id, null::timestamptz as subject_at
    from customers c
    where c.company_id = ${companyId} and c.merged_into_id is null and ${where}`;
}

const CUSTOM_PREFIX = "attributes.";
const GROUP_ATTRIBUTE = "group";

type AttributeType = "string" | "number" | "date" | "collection" | "absence" | "group";
type Alias = "c" | "a" | "e" | "m";

/** Built-in attributes (lib/automations/rules/catalogue.ts lists the same keys) -> column and type. */
const BUILT_IN_COLUMNS: Record<AudienceCondition["category"], Record<string, { column: string; type: AttributeType }>> = {
  customer: {
    first_name: { column: "first_name", type: "string" },
    last_name: { column: "last_name", type: "string" },
    mobile: { column: "mobile", type: "string" },
    email: { column: "email", type: "string" },
    language: { column: "language", type: "string" },
    created_at: { column: "created_at", type: "date" },
  },
  appointment: {
    start_at: { column: "start_at", type: "date" },
    type: { column: "type", type: "string" },
    status: { column: "status", type: "string" },
    duration_minutes: { column: "duration_minutes", type: "number" },
    created_at: { column: "created_at", type: "date" },
    // "Has no appointment": compiled by noAppointment(), not as a column test.
    none: { column: "start_at", type: "absence" },
  },
  message_received: {
    body: { column: "body", type: "string" },
    created_at: { column: "created_at", type: "date" },
  },
  event: {
    occurred_at: { column: "occurred_at", type: "date" },
    kind: { column: "kind", type: "string" },
    number: { column: "number", type: "string" },
    title: { column: "title", type: "string" },
    status: { column: "status", type: "string" },
    created_at: { column: "created_at", type: "date" },
  },
};

/** The built-in attribute keys the compiler knows, per category (the catalogue's test checks they agree). */
export const AUDIENCE_BUILT_IN_KEYS = Object.fromEntries(
  Object.entries(BUILT_IN_COLUMNS).map(([category, columns]) => [category, [...Object.keys(columns), ...(category === "customer" ? [GROUP_ATTRIBUTE] : [])]]),
) as Record<AudienceCondition["category"], string[]>;

const OPERATOR_TYPES: Record<string, AttributeType | null> = {
  contains: "string", not_contains: "string", is: "string", is_not: "string", starts_with: "string",
  eq: "number", neq: "number", gt: "number", lt: "number", between: "number",
  before: "date", after: "date", on: "date", within_next_days: "date", within_last_days: "date", days_ago: "date",
  before_subject: "date", after_subject: "date",
  includes_any: "collection", includes_all: "collection", includes_none: "collection",
  none_within_next_days: "absence", none_ever: "absence",
  in_group: "group", not_in_group: "group",
  unknown: null, known: null,
};

/** A rule the compiler cannot turn into SQL (the zod schema refuses these before they get here). */
export class AudienceRuleError extends Error {
  constructor(message: string, readonly condition: AudienceCondition) {
    super(`${message}: ${condition.category}.${condition.attribute} ${condition.operator}`);
    this.name = "AudienceRuleError";
  }
}

// Matched against jsonb text values in SQL, always as bound parameters.
const DATE_ONLY = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
const DATE_TIME = "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}";
const NUMERIC = "^ *-?[0-9]+([.][0-9]+)? *$";

/** "YYYY-MM-DD" + days -> the instant that calendar day starts in the zone. */
function dayStart(day: string, offsetDays: number, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(new TZDate(year!, month! - 1, date! + offsetDays, 0, 0, timeZone).getTime());
}

function at(instant: Date) {
  return sql`${instant.toISOString()}::timestamptz`;
}

/**
 * Case- and accent-folded text ("Côté" -> "cote"), the immutable SQL function of migration
 * 0016, so the trigram indexes built on it answer text rules.
 */
function fold(text: SQL) {
  return sql`parley_fold(${text})`;
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const OFFSET_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
/** "At least N … ago" looks back one more day than N, so a rule never reaches into all of history. */
const AFTER_SUBJECT_WINDOW_MS = 86_400_000;

type Target = { alias: Alias; type: AttributeType | null; column?: string; key?: string };

function target(condition: AudienceCondition, alias: Alias): Target {
  const { category, attribute } = condition;
  if (attribute.startsWith(CUSTOM_PREFIX) && attribute.length > CUSTOM_PREFIX.length) {
    if (category === "message_received") throw new AudienceRuleError("messages have no custom attributes", condition);
    return { alias, type: null, key: attribute.slice(CUSTOM_PREFIX.length) };
  }
  const columns = BUILT_IN_COLUMNS[category];
  const builtIn = columns && Object.hasOwn(columns, attribute) ? columns[attribute] : undefined;
  if (!builtIn) throw new AudienceRuleError("unknown attribute", condition);
  return { alias, type: builtIn.type, column: builtIn.column };
}

function compilePredicate(condition: AudienceCondition, alias: Alias, query: AudienceQuery): SQL {
  const { operator } = condition;
  const value = condition.value;
  if (!Object.hasOwn(OPERATOR_TYPES, operator)) throw new AudienceRuleError("unknown operator", condition);
  const operatorType = OPERATOR_TYPES[operator]!;
  const t = target(condition, alias);
  if (t.type && operatorType && t.type !== operatorType) throw new AudienceRuleError("operator does not fit the attribute", condition);
  const type = operatorType ?? t.type;
  const json = t.key !== undefined ? sql`${sql.raw(alias)}.attributes -> ${t.key}::text` : undefined;
  const jsonText = t.key !== undefined ? sql`(${sql.raw(alias)}.attributes ->> ${t.key}::text)` : undefined;
  const column = t.column ? sql.raw(`${alias}.${t.column}`) : undefined;

  if (operator === "unknown" || operator === "known") {
    let isUnknown: SQL;
    if (json) isUnknown = sql`coalesce(${json}, 'null'::jsonb) in ('null'::jsonb, '""'::jsonb, '[]'::jsonb)`;
    else if (type === "string") isUnknown = sql`coalesce(${column}, '') = ''`;
    else isUnknown = sql`${column} is null`;
    return operator === "unknown" ? sql`(${isUnknown})` : sql`not (${isUnknown})`;
  }

  const missing = () => new AudienceRuleError("rule without a value", condition);
  switch (type) {
    case "string": {
      const text = (jsonText ?? column)!;
      if (typeof value !== "string" && typeof value !== "number") throw missing();
      const word = String(value);
      switch (operator) {
        case "contains":
          return sql`${fold(text)} like ${fold(sql`${`%${escapeLike(word)}%`}::text`)}`;
        case "not_contains":
          return sql`(${text} is null or ${fold(text)} not like ${fold(sql`${`%${escapeLike(word)}%`}::text`)})`;
        case "starts_with":
          return sql`${fold(text)} like ${fold(sql`${`${escapeLike(word)}%`}::text`)}`;
        case "is":
          return sql`${fold(text)} = ${fold(sql`${word}::text`)}`;
        case "is_not":
          return sql`(${text} is null or ${fold(text)} <> ${fold(sql`${word}::text`)})`;
      }
      break;
    }
    case "number": {
      const number = jsonText
        ? sql`(case when jsonb_typeof(${json}) = 'number' then (${jsonText})::numeric when ${jsonText} ~ ${NUMERIC}::text then trim(${jsonText})::numeric end)`
        : column!;
      if (operator === "between") {
        if (!Array.isArray(value) || value.length !== 2) throw missing();
        const [min, max] = value.map(Number);
        if (!Number.isFinite(min) || !Number.isFinite(max)) throw missing();
        return sql`${number} between ${min}::numeric and ${max}::numeric`;
      }
      const n = Number(value);
      if (value === null || value === undefined || value === "" || !Number.isFinite(n)) throw missing();
      switch (operator) {
        case "eq":
          return sql`${number} = ${n}::numeric`;
        case "neq":
          return sql`(${number} is null or ${number} <> ${n}::numeric)`;
        case "gt":
          return sql`${number} > ${n}::numeric`;
        case "lt":
          return sql`${number} < ${n}::numeric`;
      }
      break;
    }
    case "date": {
      const date = jsonText
        ? sql`(case when ${jsonText} ~ ${DATE_ONLY}::text then ((${jsonText})::date::timestamp at time zone ${query.timeZone}::text) when ${jsonText} ~ ${DATE_TIME}::text then (${jsonText})::timestamptz end)`
        : column!;
      const { now, timeZone } = query;
      const today = utcToZonedLocal(now, timeZone).slice(0, 10);
      if (operator === "before_subject" || operator === "after_subject") {
        const offset = value as { amount?: unknown; unit?: unknown } | null | undefined;
        const unit = offset && typeof offset === "object" ? OFFSET_MS[offset.unit as keyof typeof OFFSET_MS] : undefined;
        const amount = Number(offset?.amount);
        if (!unit || !Number.isFinite(amount)) throw missing();
        const span = amount * unit;
        if (operator === "before_subject") return sql`(${date} >= ${at(now)} and ${date} <= ${at(new Date(now.getTime() + span))})`;
        const until = new Date(now.getTime() - span);
        return sql`(${date} <= ${at(until)} and ${date} > ${at(new Date(until.getTime() - AFTER_SUBJECT_WINDOW_MS))})`;
      }
      if (operator === "before" || operator === "after" || operator === "on") {
        if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw missing();
        if (operator === "before") return sql`${date} < ${at(dayStart(value, 0, timeZone))}`;
        if (operator === "after") return sql`${date} >= ${at(dayStart(value, 1, timeZone))}`;
        return sql`(${date} >= ${at(dayStart(value, 0, timeZone))} and ${date} < ${at(dayStart(value, 1, timeZone))})`;
      }
      const days = Number(value);
      if (value === null || value === undefined || value === "" || !Number.isInteger(days)) throw missing();
      switch (operator) {
        case "within_next_days": {
          // A calendar date (a custom date attribute) due today is within the next days too.
          const from = jsonText ? dayStart(today, 0, timeZone) : now;
          return sql`(${date} >= ${at(from)} and ${date} < ${at(dayStart(today, days + 1, timeZone))})`;
        }
        case "within_last_days":
          return sql`(${date} >= ${at(dayStart(today, -days, timeZone))} and ${date} <= ${at(now)})`;
        case "days_ago":
          return sql`(${date} >= ${at(dayStart(today, -days, timeZone))} and ${date} < ${at(dayStart(today, -days + 1, timeZone))})`;
      }
      break;
    }
    case "collection": {
      if (!json || t.key === undefined) throw new AudienceRuleError("only custom attributes are collections", condition);
      const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" || typeof v === "number").map(String);
      if (values.length === 0) throw missing();
      const attributes = sql.raw(`${alias}.attributes`);
      const key = t.key;
      // One containment test per value (the GIN jsonb_path_ops index answers each); a
      // collection stored as a lone string counts as a list of one.
      const has = (item: string) =>
        sql`(${attributes} @> ${JSON.stringify({ [key]: [item] })}::jsonb or ${attributes} @> ${JSON.stringify({ [key]: item })}::jsonb)`;
      const any = sql`(${sql.join(values.map(has), sql` or `)})`;
      switch (operator) {
        case "includes_any":
          return any;
        case "includes_all":
          return values.length === 1 ? any : sql`${attributes} @> ${JSON.stringify({ [key]: values })}::jsonb`;
        case "includes_none":
          return sql`not ${any}`;
      }
      break;
    }
  }
  throw new AudienceRuleError("operator does not fit the attribute", condition);
}

/**
 * "The customer has no appointment in the next N days" (from now to the end of the N-th
 * day in the company's calendar) or "has never had one": NOT EXISTS over the customer's
 * appointments (appointments_customer_idx), whatever the subject. Cancelled ones don't count.
 */
function noAppointment(condition: AudienceCondition, query: AudienceQuery): SQL {
  const { companyId, now, timeZone } = query;
  if (condition.attribute !== "none" || OPERATOR_TYPES[condition.operator] !== "absence") throw new AudienceRuleError("operator does not fit the attribute", condition);
  let span = sql``;
  if (condition.operator === "none_within_next_days") {
    const days = Number(condition.value);
    if (condition.value === null || condition.value === undefined || condition.value === "" || !Number.isInteger(days)) throw new AudienceRuleError("rule without a value", condition);
    const today = utcToZonedLocal(now, timeZone).slice(0, 10);
    span = sql` and x.start_at >= ${at(now)} and x.start_at < ${at(dayStart(today, days + 1, timeZone))}`;
  }
  return sql`not exists (select 1 from appointments x where x.company_id = ${companyId} and x.customer_id = c.id and x.status <> 'cancelled'${span})`;
}

/**
 * One condition as SQL about the subject row: on the row itself when the condition's
 * category is the subject (or the customer), else "the customer has a … whose …" as an
 * EXISTS subquery, scoped to the company.
 */
function compileCondition(condition: AudienceCondition, query: AudienceQuery, path: readonly string[]): SQL {
  const { subject, companyId } = query;
  switch (condition.category) {
    case "customer":
      if (condition.attribute === GROUP_ATTRIBUTE) return compileGroupCondition(condition, query, path);
      return compilePredicate(condition, "c", query);
    case "appointment":
      if (OPERATOR_TYPES[condition.operator] === "absence" || condition.attribute === "none") return noAppointment(condition, query);
      if (subject === "appointment") return compilePredicate(condition, "a", query);
      return sql`exists (select 1 from appointments a where a.company_id = ${companyId} and a.customer_id = c.id and ${compilePredicate(condition, "a", query)})`;
    case "event":
      if (subject === "event") return compilePredicate(condition, "e", query);
      return sql`exists (select 1 from customer_events e where e.company_id = ${companyId} and e.customer_id = c.id and ${compilePredicate(condition, "e", query)})`;
    case "message_received":
      return sql`exists (select 1 from messages m where m.company_id = ${companyId} and m.customer_id = c.id and m.direction = 'inbound' and ${compilePredicate(condition, "m", query)})`;
    default:
      throw new AudienceRuleError("unknown category", condition);
  }
}

/**
 * "Is (not) in group" about the customer `c`. `path` holds the dynamic groups being
 * inlined, so a group that names itself, directly or through others, is refused.
 */
function compileGroupCondition(condition: AudienceCondition, query: AudienceQuery, path: readonly string[]): SQL {
  const { operator, value } = condition;
  if (operator !== "in_group" && operator !== "not_in_group") throw new AudienceRuleError("operator does not fit the attribute", condition);
  if (typeof value !== "string" || value === "") throw new AudienceRuleError("rule without a value", condition);
  const group = query.groups && Object.hasOwn(query.groups, value) ? query.groups[value] : undefined;
  if (!group) throw new AudienceRuleError("group not loaded for this company", condition);
  let inGroup: SQL;
  if (group.kind === "static") {
    inGroup = sql`exists (select 1 from customer_group_members gm where gm.company_id = ${query.companyId} and gm.group_id = ${value}::uuid and gm.customer_id = c.id)`;
  } else {
    if (path.includes(value)) throw new AudienceRuleError("group rules name the group itself", condition);
    // The group's audience is customers: its appointment / event rules read "has one whose…".
    inGroup = sql`coalesce(${compileRules({ ...query, subject: "customer", rules: group.rules }, [...path, value])}, false)`;
  }
  return operator === "in_group" ? inGroup : sql`not ${inGroup}`;
}

/** Rules ANDed, each rule's sub-rules ORed; an empty tree matches everyone (a rule with no sub-rule, no one). */
function compileRules(query: AudienceQuery, path: readonly string[] = []): SQL {
  const { rules } = query;
  if (!rules?.all?.length) return sql`true`;
  const ands = rules.all.map((rule) => {
    if (!rule.any?.length) return sql`false`;
    const ors = rule.any.map((condition) => compileCondition(condition, query, path));
    return ors.length === 1 ? ors[0]! : sql`(${sql.join(ors, sql` or `)})`;
  });
  return sql`(${sql.join(ands, sql` and `)})`;
}

/**
 * Why a customer (alias `c`) may not be texted a message of this category, as SQL: the
 * same answers in the same order as lib/messaging/sendability's sendRefusal (quiet hours
 * aside, a matter of when), or null. Planning a campaign and counting its dry run use it.
 */
export function customerSkipReasonSql(category: "general" | "marketing"): SQL {
  const unsubscribed = category === "marketing" ? sql`when not c.subscribed_marketing then 'unsubscribed_marketing'` : sql`when not c.subscribed_general then 'unsubscribed_general'`;
  return sql`case when coalesce(c.mobile, '') = '' then 'no_mobile' when c.opted_out_at is not null then 'opted_out' ${unsubscribed} end`;
}

export async function countAudience(db: Db, query: AudienceQuery): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from (${audienceSelect(query)}) audience`);
  return Number(row?.count ?? 0);
}

/** How many distinct customers match (an appointment or event audience counts its rows' customers once). */
export async function countAudienceCustomers(db: Db, query: AudienceQuery): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, sql`select count(distinct customer_id)::int as count from (${audienceSelect(query)}) audience`);
  return Number(row?.count ?? 0);
}

export type AudienceRow = { customerId: string; appointmentId: string | null; eventId: string | null; subjectAt: Date | null };

/** The first matching rows (dry run, preview), in a stable order. */
export async function sampleAudience(db: Db, query: AudienceQuery & { limit: number }): Promise<AudienceRow[]> {
  const rows = await queryRows<{ customer_id: string; appointment_id: string | null; event_id: string | null; subject_at: string | Date | null }>(
    db,
    sql`select * from (${audienceSelect(query)}) audience order by subject_at nulls last, customer_id limit ${query.limit}`,
  );
  return rows.map((row) => ({
    customerId: row.customer_id,
    appointmentId: row.appointment_id,
    eventId: row.event_id,
    subjectAt: row.subject_at ? new Date(row.subject_at) : null,
  }));
}

/**
 * How many customers each rule tree matches, in one scan of the company's customers (the
 * groups list counts all its dynamic groups at once). A tree the compiler refuses (a group
 * since lost, a cycle) counts null.
 */
export async function countEachCustomerAudience(db: Db, { rulesList, ...query }: Omit<AudienceQuery, "subject" | "rules"> & { rulesList: AudienceRules[] }): Promise<(number | null)[]> {
  const filters = rulesList.map((rules) => {
    try {
      return compileRules({ ...query, subject: "customer", rules });
    } catch (error) {
      if (error instanceof AudienceRuleError) return null;
      throw error;
    }
  });
  const columns = filters.flatMap((where, index) => (where ? [sql`count(*) filter (where ${where})::int as ${sql.identifier(`n${index}`)}`] : []));
  if (columns.length === 0) return filters.map(() => null);
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select ${sql.join(columns, sql`, `)} from customers c where c.company_id = ${query.companyId} and c.merged_into_id is null`,
  );
  return filters.map((where, index) => (where ? Number(row?.[`n${index}`] ?? 0) : null));
}
