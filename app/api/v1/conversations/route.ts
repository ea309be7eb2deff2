import { listConversations } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const GET = listConversations;
