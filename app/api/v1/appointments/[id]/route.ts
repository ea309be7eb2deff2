import { getAppointment } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const GET = getAppointment;
