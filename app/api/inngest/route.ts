import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

const handler = serve({ client: inngest, functions });

const notConfigured = () =>
  Response.json(
    {
      error:
        "No Inngest engine is configured: background work runs in-process. Set INNGEST_DEV=1 (with `npx inngest-cli@latest dev`) or INNGEST_SIGNING_KEY and INNGEST_EVENT_KEY.",
    },
    { status: 503 },
  );

const engineConfigured = env().backgroundEngine !== "in-process";

export const GET = engineConfigured ? handler.GET : notConfigured;
export const POST = engineConfigured ? handler.POST : notConfigured;
export const PUT = engineConfigured ? handler.PUT : notConfigured;
