import { batchUpsertAppointments } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const POST = batchUpsertAppointments;
