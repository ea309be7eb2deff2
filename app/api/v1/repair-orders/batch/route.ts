import { batchUpsertRepairOrders } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const POST = batchUpsertRepairOrders;
