import { TZDate } from "@date-fns/tz";

export type MessageCategory = "general" | "marketing";

export type SendRefusal =
  | "opted_out"
  | "unsubscribed_general"
  | "unsubscribed_marketing"
  | "no_mobile"
  | "quiet_hours"
  | "empty_message"
  | "customer_not_found"
  | "template_error";

type Recipient = {
  mobile: string | null;
  optedOutAt: Date | null;
  subscribedGeneral: boolean;
  subscribedMarketing: boolean;
  mergedIntoId?: string | null;
};

type Sender = { timezone: string; quietHoursStart: string; quietHoursEnd: string };

const minutesOf = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  return h * 60 + m;
};

/** Whether `now` falls inside the company's quiet hours (which may span midnight). */
export function inQuietHours(company: Sender, now: Date): boolean {
  const local = new TZDate(now.getTime(), company.timezone);
  const minute = local.getHours() * 60 + local.getMinutes();
  const start = minutesOf(company.quietHoursStart);
  const end = minutesOf(company.quietHoursEnd);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * Why a message of this kind may not go to this customer now, or null if it may. The
 * same answer blocks the composer and stops every sending path (CUST-4, PLAT-1).
 */
export function sendRefusal(customer: Recipient, company: Sender, category: MessageCategory, now: Date): SendRefusal | null {
  if (!customer.mobile) return "no_mobile";
  if (customer.optedOutAt) return "opted_out";
  if (category === "general" && !customer.subscribedGeneral) return "unsubscribed_general";
  if (category === "marketing" && !customer.subscribedMarketing) return "unsubscribed_marketing";
  if (category === "marketing" && inQuietHours(company, now)) return "quiet_hours";
  return null;
}
