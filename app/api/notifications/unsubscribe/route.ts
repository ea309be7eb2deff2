import { z } from "zod";
import { getDb } from "@/db/client";
import { negotiateLocale } from "@/lib/i18n/locales";
import { unsubscribeFromEmails, unsubscribeRecipient } from "@/lib/notifications/unsubscribe";
import { unsubscribePage } from "@/lib/notifications/unsubscribe-page";

export const dynamic = "force-dynamic";

const querySchema = z.object({ token: z.string().min(1).max(2000) });

const html = (body: string, status = 200) => new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
const browserLocale = (request: Request) => negotiateLocale(request.headers.get("accept-language"));

/** The footer link: asks before turning anything off (link scanners follow GETs). */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const parsed = querySchema.safeParse({ token: url.searchParams.get("token") });
  const recipient = parsed.success ? await unsubscribeRecipient(await getDb(), parsed.data.token) : null;
  if (!recipient) return html(unsubscribePage({ locale: browserLocale(request), state: "invalid" }), 400);
  return html(unsubscribePage({ locale: recipient.language, state: "ask", categories: recipient.categories, action: `${url.pathname}${url.search}` }));
}

/** RFC 8058 one-click (List-Unsubscribe-Post) and the page's button: email off for the token's categories, no sign-in. */
export async function POST(request: Request) {
  const parsed = querySchema.safeParse({ token: new URL(request.url).searchParams.get("token") });
  const done = parsed.success ? await unsubscribeFromEmails(await getDb(), parsed.data.token) : null;
  if (!done) return html(unsubscribePage({ locale: browserLocale(request), state: "invalid" }), 400);
  return html(unsubscribePage({ locale: done.language, state: "done", categories: done.categories }));
}
