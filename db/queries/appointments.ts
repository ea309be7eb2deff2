import "server-only";
import { and, asc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fromExcluded } from "@/db/excluded";
import { appointments, customers, users } from "@/db/schema";

export type AppointmentRow = typeof appointments.$inferSelect;
type AppointmentChanges = Partial<Omit<typeof appointments.$inferInsert, "id" | "companyId" | "createdAt">>;

/** Appointments between two instants with their customer and its active conversation (CONV-10). */
export async function listAppointmentsBetween(db: Db, { companyId, start, end }: { companyId: string; start: Date; end: Date }) {
  return db
    .select({
      appointment: appointments,
      customer: { id: customers.id, firstName: customers.firstName, lastName: customers.lastName, mobile: customers.mobile },
      assigneeName: users.name,
      conversationId: sql<string | null>`(select c.id from conversations c where c.customer_id = "customers"."id" and c.archived = false limit 1)`,
    })
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .leftJoin(users, eq(users.id, appointments.assignedUserId))
    .where(and(eq(appointments.companyId, companyId), gte(appointments.startAt, start), lt(appointments.startAt, end)))
    .orderBy(asc(appointments.startAt));
}

export async function insertAppointment(db: Db, values: Omit<typeof appointments.$inferInsert, "id" | "createdAt" | "updatedAt">) {
  const [created] = await db.insert(appointments).values(values).returning();
  return created!;
}

export async function updateAppointmentRow(db: Db, { companyId, appointmentId, changes }: { companyId: string; appointmentId: string; changes: AppointmentChanges }) {
  const [updated] = await db
    .update(appointments)
    .set(changes)
    .where(and(eq(appointments.companyId, companyId), eq(appointments.id, appointmentId)))
    .returning();
  return updated;
}

/**
 * The company's appointments an import batch may name: by external id, or by customer and
 * start time (the natural key); locked until the batch commits.
 */
export async function lockAppointmentsForImport(
  db: Db,
  { companyId, externalIds, customerIds, startTimes }: { companyId: string; externalIds: string[]; customerIds: string[]; startTimes: Date[] },
) {
  return db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.companyId, companyId),
        or(
          externalIds.length ? inArray(appointments.externalId, externalIds) : undefined,
          and(inArray(appointments.customerId, customerIds), inArray(appointments.startAt, startTimes)),
        ),
      ),
    )
    .for("update");
}

/** Writes an import batch's appointments, inserted or updated by id. */
export async function upsertImportedAppointments(db: Db, { companyId, values }: { companyId: string; values: AppointmentRow[] }) {
  await db
    .insert(appointments)
    .values(values.map(({ createdAt: _createdAt, updatedAt: _updatedAt, ...value }) => value))
    .onConflictDoUpdate({
      target: appointments.id,
      set: { ...fromExcluded(["customerId", "startAt", "type", "durationMinutes", "status", "statusChangedBy", "assignedUserId", "externalId", "attributes"]), updatedAt: sql`now()` },
      setWhere: eq(appointments.companyId, companyId),
    });
}
