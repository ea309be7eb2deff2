import "server-only";
import type { Db } from "@/db/client";
import { attributeDefinitions } from "@/db/queries/attributes";
import { profileTabs, profileTimeline, type ProfileTab, type ProfileTabRows, type TimelineItem } from "@/db/queries/customer-profile";

const KIND_OF_TAB = {
  conversations: "conversation",
  appointments: "appointment",
  events: "event",
  invoices: "invoice",
  notes: "note",
  estimates: "estimate",
  reviews: "review",
} as const;

/** CUST-6: what one tab of the profile lists, and the event attributes it may show. */
export async function loadProfileTab(db: Db, { companyId, customerId, tab }: { companyId: string; customerId: string; tab: ProfileTab }) {
  const eventDefinitions = tab === "all" || tab === "events" ? await attributeDefinitions(db, { companyId, category: "event" }) : [];
  let items: TimelineItem[];
  if (tab === "all") {
    items = await profileTimeline(db, { companyId, customerId });
  } else {
    const rows: ProfileTabRows[typeof tab] = await profileTabs[tab](db, { companyId, customerId });
    const kind = KIND_OF_TAB[tab];
    items = rows.map((row) => ({ kind, at: new Date(), row }) as TimelineItem);
  }
  return { items, eventDefinitions };
}
