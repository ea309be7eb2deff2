import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";

/**
 * Reserves the next send slot of a sender number, atomically across processes: returns
 * the slot (epoch milliseconds, the database's clock) and how many milliseconds to wait
 * for it (0 when the number is free now). Keyed by the number itself, which belongs to one company.
 */
export async function reserveSenderSlot(db: Db, { senderNumber, intervalMs }: { senderNumber: string; intervalMs: number }) {
  const [row] = await queryRows<{ wait_ms: number | string; slot_ms: number | string }>(
    db,
    // Committed without waiting for the WAL flush (set_config's "local" lasts to this statement's commit):
    // a slot lost in a crash only lets one text go a moment early, and a flush per text is most of its cost.
    sql`insert into sender_slots as slot (sender_number, next_at)
        select ${senderNumber}, clock_timestamp() + make_interval(secs => ${intervalMs / 1000}::float8)
        from (select set_config('synchronous_commit', 'off', true)) as without_flush
        on conflict (sender_number) do update
          set next_at = greatest(slot.next_at, clock_timestamp()) + make_interval(secs => ${intervalMs / 1000}::float8)
        returning greatest(0, extract(epoch from (slot.next_at - make_interval(secs => ${intervalMs / 1000}::float8) - clock_timestamp())) * 1000)::float8 as wait_ms,
                  (extract(epoch from slot.next_at - make_interval(secs => ${intervalMs / 1000}::float8)) * 1000)::float8 as slot_ms`,
  );
  return { waitMs: Math.max(0, Number(row?.wait_ms ?? 0)), slotMs: Number(row?.slot_ms) };
}
