import path from "node:path";

export const E2E_DIR = path.join(process.cwd(), ".data", "e2e");
export const SERVER_STATE = path.join(E2E_DIR, "server.json");

export type ServerState = { baseUrl: string; pid: number; databaseName?: string; adminUrl?: string; stripeApiBase: string; stripeWebhookSecret: string };
