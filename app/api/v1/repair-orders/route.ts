import { listRepairOrders, upsertRepairOrder } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const GET = listRepairOrders;
export const POST = upsertRepairOrder;
