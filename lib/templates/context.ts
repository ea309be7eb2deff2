import type { TemplateValues } from "./render";
import { formatMoney } from "@/lib/attributes/money";
import { formatPhone } from "@/lib/phone";

type AttributeBag = Record<string, unknown>;

export type TemplateSubjects = {
  locale: "fr" | "en";
  timeZone: string;
  customer?: { firstName: string; lastName: string; mobile: string | null; email: string | null; attributes: AttributeBag } | null;
  company?: { name: string; senderNumber: string | null; currency?: string } | null;
  user?: { name: string; jobTitle: string | null } | null;
  appointment?: { startAt: Date; type: string; durationMinutes: number; attributes: AttributeBag } | null;
  event?: { number: string | null; title: string; attributes: AttributeBag } | null;
  /** The custom attributes' types by path ("event.total" → "money"), so money reads as money. */
  attributeTypes?: Record<string, string>;
};

/** The types of a company's custom attributes by path, for templateValues. */
export function attributeTypesByPath(definitions: { category: string; key: string; type: string }[]): Record<string, string> {
  return Object.fromEntries(definitions.map((definition) => [`${definition.category}.${definition.key}`, definition.type]));
}

const intlLocale = (locale: "fr" | "en") => (locale === "fr" ? "fr-CA" : "en-CA");

// Building an Intl formatter costs far more than using one: bulk sends reuse them.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let found = formatters.get(key) as T | undefined;
  if (!found) formatters.set(key, (found = make()));
  return found;
}

function attributeText(value: unknown, locale: "fr" | "en", currency?: string): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (Array.isArray(value)) return value.join(", ");
  if (currency && (typeof value === "number" || /^-?\d+(\.\d+)?$/.test(String(value)))) return formatMoney(Number(value), currency, locale);
  if (typeof value === "number") return formatter(`n:${locale}`, () => new Intl.NumberFormat(intlLocale(locale), { useGrouping: "min2" })).format(value);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // A date attribute is a calendar day: format it without shifting time zones.
    return formatter(`day:${locale}`, () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone: "UTC" })).format(new Date(`${value}T00:00:00Z`));
  }
  return String(value);
}

/** Values of the built-in and custom attributes, formatted for the customer's language. */
export function templateValues(subjects: TemplateSubjects): TemplateValues {
  const { locale, timeZone, customer, company, user, appointment, event, attributeTypes } = subjects;
  const dateOf = (date: Date) => formatter(`date:${locale}:${timeZone}`, () => new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone })).format(date);
  const timeOf = (date: Date) => formatter(`time:${locale}:${timeZone}`, () => new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: "short", timeZone })).format(date);
  const builtIn: Record<string, () => string | number | null | undefined> = {
    "customer.name": () => (customer ? `${customer.firstName} ${customer.lastName}`.trim() : null),
    "customer.first_name": () => customer?.firstName,
    "customer.last_name": () => customer?.lastName,
    "customer.phone": () => formatPhone(customer?.mobile),
    "customer.email": () => customer?.email,
    "company.name": () => company?.name,
    "company.phone": () => formatPhone(company?.senderNumber),
    "user.name": () => user?.name,
    "user.first_name": () => user?.name.split(" ")[0],
    "user.job_title": () => user?.jobTitle,
    "appointment.start_at_date": () => (appointment ? dateOf(appointment.startAt) : null),
    "appointment.start_at_time": () => (appointment ? timeOf(appointment.startAt) : null),
    "appointment.type": () => appointment?.type,
    "appointment.duration": () => appointment?.durationMinutes,
    "event.number": () => event?.number,
    "event.title": () => event?.title,
  };
  return (path) => {
    const known = builtIn[path];
    if (known) return known();
    const [scope, key] = path.split(".", 2) as [string, string];
    const bag = scope === "customer" ? customer?.attributes : scope === "appointment" ? appointment?.attributes : scope === "event" ? event?.attributes : undefined;
    return attributeText(bag?.[key], locale, attributeTypes?.[path] === "money" ? (company?.currency ?? "CAD") : undefined);
  };
}

export const BUILT_IN_ATTRIBUTES = [
  "customer.name",
  "customer.first_name",
  "customer.last_name",
  "customer.phone",
  "customer.email",
  "company.name",
  "company.phone",
  "user.name",
  "user.first_name",
  "user.job_title",
  "appointment.start_at_date",
  "appointment.start_at_time",
  "appointment.type",
  "appointment.duration",
  "event.number",
  "event.title",
] as const;
