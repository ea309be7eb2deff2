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

/** A stored attribute value in the reader's format: numbers and calendar dates localised. */
export function formattedAttributeText(value: unknown, type: string | undefined, format: AttributeFormatter) {
  if (typeof value === "number") return format.number(value);
  if (typeof value === "string" && (type === "date" || type === undefined) && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // A calendar date, not an instant: read and shown at UTC noon so no time zone shifts the day.
    const date = new Date(`${value}T12:00:00Z`);
    if (!Number.isNaN(date.getTime())) return format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
  }
  return attributeText(value);
}
