import { listCustomers, upsertCustomer } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const GET = listCustomers;
export const POST = upsertCustomer;
