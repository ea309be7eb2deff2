import { listUsers } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const GET = listUsers;
