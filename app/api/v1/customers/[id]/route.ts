import { getCustomer } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const GET = getCustomer;
