import { randomUUID } from "node:crypto";
import "server-only";
import type { Db } from "@/db/client";
import { lockAppointmentsForImport, upsertImportedAppointments, type AppointmentRow } from "@/db/queries/appointments";
import { lockRepairOrders, upsertImportedRepairOrders, type CustomerEventRow } from "@/db/queries/customer-events";
import type { AppointmentRecord, RepairOrderRecord } from "./record-rows";

export type RecordRow<R> = { line: number; customerId: string; record: R };
type Keyed = { id: string };

/**
 * Matches each row to a stored record by the first of its keys found (or to a record an
 * earlier row of the batch made), merges, and answers one value per record with the counts:
 * a row that makes a record is "created", any later row for it "updated".
 */
export function planRecords<R, Row extends Keyed>(
  rows: RecordRow<R>[],
  existing: Row[],
  { keysOfRow, keysOfRecord, merge }: { keysOfRow: (row: Row) => string[]; keysOfRecord: (customerId: string, record: R) => string[]; merge: (target: Row | undefined, customerId: string, record: R) => Row },
) {
  const index = new Map<string, Row>();
  for (const row of existing) for (const key of keysOfRow(row)) index.set(key, row);
  const stored = new Set(existing.map((row) => row.id));
  const values = new Map<string, Row>();
  const recordIds: string[] = [];
  for (const { customerId, record } of rows) {
    const target = keysOfRecord(customerId, record)
      .map((key) => index.get(key))
      .find(Boolean);
    const next = merge(target, customerId, record);
    for (const key of [...(target ? keysOfRow(target) : []), ...keysOfRow(next)]) index.set(key, next);
    values.set(next.id, next);
    recordIds.push(next.id);
  }
  const created = [...values.keys()].filter((id) => !stored.has(id)).length;
  return { values: [...values.values()], created, updated: rows.length - created, recordIds, createdIds: new Set([...values.keys()].filter((id) => !stored.has(id))) };
}

type Appointment = AppointmentRow;

const naturalKey = (customerId: string, startAt: Date, type: string) => `at:${customerId}|${startAt.toISOString()}|${type}`;

/**
 * Creates or updates one batch's appointments: the same external ID, else the same
 * customer, start and type (of an appointment without an external ID) is the same
 * appointment, so importing a file again duplicates nothing.
 */
export async function upsertAppointments(tx: Db, { companyId, rows }: { companyId: string; rows: RecordRow<AppointmentRecord>[] }) {
  if (!rows.length) return { created: 0, updated: 0, recordIds: [] as string[], createdIds: new Set<string>() };
  const externalIds = rows.flatMap(({ record }) => (record.externalId ? [record.externalId] : []));
  const existing = await lockAppointmentsForImport(tx, {
    companyId,
    externalIds,
    customerIds: [...new Set(rows.map((row) => row.customerId))],
    startTimes: rows.map(({ record }) => record.startAt),
  });
  const plan = planRecords<AppointmentRecord, Appointment>(rows, existing, {
    keysOfRow: (row) => (row.externalId ? [`ext:${row.externalId}`] : [naturalKey(row.customerId, row.startAt, row.type)]),
    keysOfRecord: (customerId, record) => [...(record.externalId ? [`ext:${record.externalId}`] : []), naturalKey(customerId, record.startAt, record.type)],
    merge: (target, customerId, { startAt, type, durationMinutes, status, externalId, attributes, assignedUserId, statusChangedBy }) => {
      const now = new Date();
      const base: Appointment = target ?? { id: randomUUID(), companyId, customerId, type, startAt, durationMinutes: 60, status: "scheduled", statusChangedBy: null, assignedUserId: null, attributes: {}, externalId: null, createdAt: now, updatedAt: now };
      return {
        ...base,
        customerId,
        startAt,
        type,
        durationMinutes: durationMinutes ?? base.durationMinutes,
        status: status ?? base.status,
        statusChangedBy: status && status !== base.status && statusChangedBy ? statusChangedBy : base.statusChangedBy,
        assignedUserId: assignedUserId ?? base.assignedUserId,
        externalId: externalId ?? base.externalId,
        attributes: { ...base.attributes, ...attributes },
      };
    },
  });
  await upsertImportedAppointments(tx, { companyId, values: plan.values });
  return { created: plan.created, updated: plan.updated, recordIds: plan.recordIds, createdIds: plan.createdIds };
}

type RepairOrder = CustomerEventRow;
const REPAIR_ORDER = "repair_order";

/** Creates or updates one batch's repair orders, one per company and number. */
export async function upsertRepairOrders(tx: Db, { companyId, rows }: { companyId: string; rows: RecordRow<RepairOrderRecord>[] }) {
  if (!rows.length) return { created: 0, updated: 0, recordIds: [] as string[], createdIds: new Set<string>() };
  const existing = await lockRepairOrders(tx, { companyId, kind: REPAIR_ORDER, numbers: rows.map(({ record }) => record.number) });
  const plan = planRecords<RepairOrderRecord, RepairOrder>(rows, existing, {
    keysOfRow: (row) => [`ro:${row.number}`],
    keysOfRecord: (_customerId, record) => [`ro:${record.number}`],
    merge: (target, customerId, { number, title, status, occurredAt, attributes }) => {
      const base: RepairOrder = target ?? { id: randomUUID(), companyId, customerId, kind: REPAIR_ORDER, number, title: "", status: "open", occurredAt: new Date(), attributes: {}, externalId: null, createdAt: new Date() };
      return { ...base, customerId, title: title ?? base.title, status: status ?? base.status, occurredAt: occurredAt ?? base.occurredAt, attributes: { ...base.attributes, ...attributes } };
    },
  });
  await upsertImportedRepairOrders(tx, { companyId, values: plan.values });
  return { created: plan.created, updated: plan.updated, recordIds: plan.recordIds, createdIds: plan.createdIds };
}
