import "server-only";
import type { Db } from "@/db/client";
import { searchAppointments, searchCustomers, searchMessages, searchPaymentsByAmount, searchRepairOrders } from "@/db/queries/search";

const LIMIT = 8;

/**
 * An amount as it is typed or displayed → cents; anything else → null. "389,95 $",
 * "$389.95", "1 343,67" (French, with a space or a narrow no-break space between
 * thousands), "1,343.67", "1.343,67 $", "CA$1343.67".
 */
export function parseAmount(query: string): number | null {
  const compact = query.replace(/[\s\u00a0\u202f]/g, "").replace(/^(CA|US)?\$|\$(CA|US)?$|^CAD|CAD$|^USD|USD$/gi, "");
  const match = /^(\d{1,3}(?:([.,])\d{3})*|\d{1,7})(?:([.,])(\d{1,2}))?$/.exec(compact);
  if (!match || (match[2] && match[2] === match[3])) return null;
  const units = Number(match[1]!.replace(/[.,]/g, ""));
  if (units > 9_999_999) return null;
  return units * 100 + Number((match[4] ?? "0").padEnd(2, "0"));
}

/**
 * CONV-6 / CUST-1: one query per kind, each on an index (trigram on names, phone digits,
 * repair-order numbers and appointment types; full text on messages; equality on
 * amounts), grouped for display.
 */
export async function globalSearch(db: Db, { companyId, query }: { companyId: string; query: string }) {
  const q = query.trim();
  if (q.length < 2) return { customers: [], messages: [], repairOrders: [], appointments: [], payments: [] };
  const amountCents = parseAmount(q);
  const scope = { companyId, query: q, limit: LIMIT };
  const [customers, messages, repairOrders, appointments, payments] = await Promise.all([
    searchCustomers(db, scope),
    searchMessages(db, scope),
    searchRepairOrders(db, scope),
    searchAppointments(db, scope),
    amountCents === null ? [] : searchPaymentsByAmount(db, { companyId, amountCents, limit: LIMIT }),
  ]);
  return { customers, messages, repairOrders, appointments, payments };
}

export type GlobalSearchResults = Awaited<ReturnType<typeof globalSearch>>;
