import { escapeHtml } from "@/lib/http/html";
import { translatorFor } from "@/lib/i18n/translator";
import { LOCALES, negotiateLocale } from "@/lib/i18n/locales";

/**
 * The page the service worker (public/sw.js) keeps and shows when a navigation fails
 * offline. Self-contained (no script, styles or images to fetch), in the browser's
 * language with the other one below, since it is cached before anyone signs in.
 */
export function GET(request: Request) {
  const first = negotiateLocale(request.headers.get("accept-language"));
  const languages = [first, ...LOCALES.filter((locale) => locale !== first)];
  const sections = languages.map((locale, index) => {
    const t = translatorFor(locale);
    return `<section lang="${locale}" class="${index === 0 ? "main" : "other"}"><h1>${escapeHtml(t("push.offline.title"))}</h1><p>${escapeHtml(t("push.offline.body"))}</p>${
      index === 0 ? `<a class="retry" href="">${escapeHtml(t("push.offline.retry"))}</a>` : ""
    }</section>`;
  });
  const html = `<!doctype html>
<html lang="${first}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#2552eb">
<title>Parley</title>
<style>
  body { margin: 0; min-height: 100dvh; display: flex; align-items: center; justify-content: center; background: #f8fafc; color: #0f172a; font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { max-width: 26rem; margin: 1.5rem; padding: 2rem; background: #fff; border-radius: 1rem; box-shadow: 0 1px 3px rgb(15 23 42 / 0.08); border: 1px solid #e2e8f0; text-align: center; }
  .mark { display: inline-flex; width: 3rem; height: 3rem; }
  h1 { font-size: 1.25rem; margin: 1rem 0 0.5rem; }
  p { margin: 0; color: #475569; line-height: 1.5; }
  .other { margin-top: 1.5rem; padding-top: 1.25rem; border-top: 1px solid #f1f5f9; }
  .other h1 { font-size: 0.95rem; margin-top: 0; }
  .other p { font-size: 0.875rem; }
  .retry { display: inline-block; margin-top: 1.25rem; padding: 0.625rem 1rem; border-radius: 0.5rem; background: #2552eb; color: #fff; font-weight: 500; text-decoration: none; }
  .retry:focus-visible { outline: 2px solid #3b6ef6; outline-offset: 2px; }
</style>
</head>
<body>
<main data-offline-page>
<svg class="mark" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" aria-label="Parley" role="img"><rect width="32" height="32" rx="8" fill="#2552eb"/><path d="M9 10.5A2.5 2.5 0 0 1 11.5 8h9A2.5 2.5 0 0 1 23 10.5v7a2.5 2.5 0 0 1-2.5 2.5H15l-4.2 3.4c-.5.4-1.3 0-1.3-.6V20h0A2.5 2.5 0 0 1 9 17.5z" fill="#fff"/></svg>
${sections.join("\n")}
</main>
</body>
</html>`;
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", vary: "Accept-Language", "cache-control": "no-cache" } });
}
