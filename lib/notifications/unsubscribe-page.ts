import type { Locale } from "@/lib/i18n/locales";
import { escapeHtml } from "@/lib/http/html";
import { translatorFor } from "@/lib/i18n/translator";
import type { NotificationCategory } from "./preferences";

type Page = { locale: Locale; state: "ask" | "done" | "invalid"; categories?: NotificationCategory[]; action?: string };

/** The small page behind the unsubscribe link (no sign-in): a question with a button that POSTs, then what was done. */
export function unsubscribePage({ locale, state, categories = [], action }: Page) {
  const t = translatorFor(locale);
  const names = categories.map((category) => t(`notificationSettings.category.${category}`)).join(", ");
  const body =
    state === "invalid"
      ? `<p>${escapeHtml(t("notificationEmail.page.invalid"))}</p>`
      : state === "done"
        ? `<p role="status">${escapeHtml(t("notificationEmail.page.done", { categories: names }))}</p>`
        : `<p>${escapeHtml(t("notificationEmail.page.question", { categories: names }))}</p>
      <p class="muted">${escapeHtml(t("notificationEmail.page.explain"))}</p>
      <form method="post" action="${escapeHtml(action ?? "")}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(t("notificationEmail.page.confirm"))}</button></form>`;
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(t("notificationEmail.page.title"))}</title>
<style>
body{margin:0;background:#f1f5f9;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#0f172a}
main{max-width:28rem;margin:10vh auto;background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:28px 24px}
.brand{color:#2552eb;font-weight:700;margin:0 0 16px}.muted{color:#64748b;font-size:14px}
button{background:#2552eb;color:#fff;border:0;border-radius:8px;padding:11px 20px;font-size:15px;font-weight:600;cursor:pointer}
button:focus-visible{outline:3px solid #93c5fd;outline-offset:2px}
</style></head>
<body><main><p class="brand">Parley</p><h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(t("notificationEmail.page.title"))}</h1>${body}</main></body>
</html>`;
}
