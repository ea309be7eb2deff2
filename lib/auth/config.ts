import type { NextAuthConfig } from "next-auth";
import { env } from "@/lib/env";

/** Paths reachable without signing in. Everything else is guarded by middleware. */
const PUBLIC_PREFIXES = [
  "/sign-in",
  "/forgot-password",
  "/reset-password",
  "/confirm-email/",
  "/invite/",
  "/api/auth",
  "/api/health",
  "/api/webhooks",
  "/api/inngest",
  "/api/files/public",
  // A large PDF export's link is signed (lib/conversation-exports/download-link.ts).
  "/api/conversation-exports/",
  // Notification emails' one-click unsubscribe (RFC 8058) carries a signed token (lib/notifications/unsubscribe.ts).
  "/api/notifications/unsubscribe",
  // The integration API authenticates each request by its key (lib/api/route.ts).
  "/api/v1/",
  "/pay/",
  "/r/",
  "/f/",
  // What the service worker keeps for when the network is gone (before or after sign-in).
  "/offline",
];

export function isPublicPath(pathname: string) {
  return PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix));
}

/**
 * Edge-safe part of the next-auth configuration (no database): used by middleware.ts.
 * The credentials provider and the session-version check live in lib/auth/index.ts.
 */
export const authConfig = {
  trustHost: true,
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an answer, not a server error.
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const { pathname } = request.nextUrl;
      if (isPublicPath(pathname) || auth?.user) return true;
      if (pathname.startsWith("/api/")) {
        return Response.json({ error: "Sign in required" }, { status: 401 });
      }
      return false;
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.cid = (user as { companyId?: string }).companyId;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = String(token.uid ?? "");
        (session.user as { companyId?: string }).companyId = String(token.cid ?? "");
        (session as { sessionVersion?: number }).sessionVersion = Number(token.sv ?? 0);
      }
      return session;
    },
  },
} satisfies NextAuthConfig;

/**
 * The configuration with its secret, read per request rather than at import: `next build`
 * imports this module before an embedded production server has generated its secret.
 */
export const withSecret = <Config extends NextAuthConfig>(config: Config) => () => ({ ...config, secret: env().authSecret });
