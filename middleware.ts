import NextAuth from "next-auth";
import { authConfig, withSecret } from "@/lib/auth/config";

// Edge-safe: only the JWT is checked here; pages and actions load the session
// (and its company) again through lib/auth/session.ts.
const { auth } = NextAuth(withSecret(authConfig));

export default auth;

export const config = {
  // Webhooks, the Inngest endpoint, health checks and the integration API authenticate themselves;
  // the installable app's files (manifest, icons, service worker, offline page) are public.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|manifest.webmanifest|sw.js|icons/|api/webhooks|api/inngest|api/health|api/v1/).*)"],
};
