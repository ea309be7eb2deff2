import { getConnection } from "@/db/client";
import { env } from "@/lib/env";
import { liveBridgeStatus } from "@/lib/live/postgres-bridge";
import { backgroundStatus, databaseHealthy } from "@/lib/system/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const config = env();
  try {
    const { db, driver } = await getConnection();
    await databaseHealthy(db);
    const background = await backgroundStatus(db, config);
    return Response.json({
      status: "ok",
      database: { driver, ok: true },
      background,
      // Live updates between app processes (LISTEN/NOTIFY): false while reconnecting.
      live: liveBridgeStatus(),
      sms: config.smsChannel,
      email: config.emailTransport,
    });
  } catch (error) {
    console.error("[health] database unreachable", error);
    return Response.json(
      { status: "error", database: { driver: config.databaseDriver, ok: false } },
      { status: 503 },
    );
  }
}
