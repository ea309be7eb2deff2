import "server-only";
import type { Db } from "@/db/client";
import { searchAppointments, searchCustomers, searchMessages, searchPaymentsByAmount, searchRepairOrders } from "@/db/queries/search";

const LIMIT = 8;

/** "389,95 $", "$389.95", "389.95" → 38995 cents; anything else → null. */
export function parseAmount(query: string): number | null {
  const match = /^\s*\$?\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*\$?\s*$/.exec(query);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
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
