import { formatMoney } from "@/lib/attributes/money";
import { formatPhone } from "@/lib/phone";

/** A customer's name, or their phone number while they have none. */
export function customerName(customer: { firstName: string; lastName: string; mobile: string | null }) {
  return `${customer.firstName} ${customer.lastName}`.trim() || formatPhone(customer.mobile) || "—";
}

/** A stored attribute value as text, or null when it has none. */
export function attributeText(value: unknown) {
  if (value === null || value === undefined || value === "") return null;
  return Array.isArray(value) ? value.join(", ") : String(value);
}

type AttributeFormatter = {
  number: (value: number) => string;
  dateTime: (value: Date, options: { dateStyle: "medium"; timeZone: string }) => string;
};

/** How money reads: the company's currency in the reader's language ("644,00 $", "$644.00"). */
export type MoneyFormat = { currency: string; locale: string };

/** A stored attribute value in the reader's format: money, numbers and calendar dates localised. */
export function formattedAttributeText(value: unknown, type: string | undefined, format: AttributeFormatter, money?: MoneyFormat) {
  if (type === "money" && money) {
    const amount = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
    if (Number.isFinite(amount)) return formatMoney(amount, money.currency, money.locale);
  }
  if (typeof value === "number") return format.number(value);
  if (typeof value === "string" && (type === "date" || type === undefined) && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // A calendar date, not an instant: read and shown at UTC noon so no time zone shifts the day.
    const date = new Date(`${value}T12:00:00Z`);
    if (!Number.isNaN(date.getTime())) return format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  }
  return attributeText(value);
}

/**
 * A customer's attribute as the contact card and the conversation panel show it: money and
 * calendar dates in the reader's format, other values as entered (a year stays "2019").
 */
export function contactAttributeText(value: unknown, type: string, format: AttributeFormatter, money: MoneyFormat) {
  return type === "money" || type === "date" ? formattedAttributeText(value, type, format, money) : attributeText(value);
}
