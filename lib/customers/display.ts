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
