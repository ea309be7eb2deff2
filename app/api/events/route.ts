import { getSessionContext } from "@/lib/auth/session";
import { subscribe, type LiveEvent } from "@/lib/live/bus";

export const dynamic = "force-dynamic";

/** Server-sent events: what changed in the signed-in user's company, as it happens. */
export async function GET(request: Request) {
  const session = await getSessionContext();
  if (!session) return Response.json({ error: "Sign in required" }, { status: 401 });
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      write("retry: 2000\n: connected\n\n");
      const unsubscribe = subscribe(session.companyId, (event: LiveEvent) => {
        // Notifications are private to their recipient.
        if (event.type === "notification.created" && event.userId !== session.userId) return;
        write(`data: ${JSON.stringify(event)}\n\n`);
      });
      const ping = setInterval(() => write(": ping\n\n"), 15_000);
      cleanup = () => {
        clearInterval(ping);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      request.signal.addEventListener("abort", () => cleanup());
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
