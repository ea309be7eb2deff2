import { sendMessage } from "@/lib/api/resources";

export const dynamic = "force-dynamic";

export const POST = sendMessage;
