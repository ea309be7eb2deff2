import { listAppointments, upsertAppointment } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const GET = listAppointments;
export const POST = upsertAppointment;
