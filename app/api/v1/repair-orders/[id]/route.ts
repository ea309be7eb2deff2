import { getRepairOrder } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const GET = getRepairOrder;
