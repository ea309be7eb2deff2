import { formatPhone } from "@/lib/phone";

/** A customer's name, or their phone number while they have none. */
export function customerName(customer: { firstName: string; lastName: string; mobile: string | null }) {
  return `${customer.firstName} ${customer.lastName}`.trim() || formatPhone(customer.mobile) || "—";
}
