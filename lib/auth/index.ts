import "server-only";
import NextAuth, { AuthError, CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { clientIp, trustedProxies } from "./client-ip";
import { authConfig, withSecret } from "./config";
import { checkCredentials } from "./credentials";
import { isSessionCurrent } from "./sessions";

class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

let proxies: ReturnType<typeof trustedProxies> | undefined;

const fullConfig = {
  ...authConfig,
  providers: [
    Credentials({
      // companyId: the company to open when the user belongs to several (joining one through an invitation).
      credentials: { email: {}, password: {}, companyId: {} },
      async authorize(credentials, request) {
        proxies ??= trustedProxies(env().TRUSTED_PROXIES);
        const outcome = await checkCredentials(
          { email: String(credentials.email ?? ""), password: String(credentials.password ?? ""), companyId: String(credentials.companyId ?? "") },
          clientIp(request.headers, proxies),
        );
        if (outcome.ok) return outcome.user;
        if (outcome.reason === "throttled") throw new ThrottledSignIn();
        return null;
      },
    }),
  ],
  callbacks: {
    ...authConfig.callbacks,
    // A session opened before a sign-out, a password change or a deactivation is over.
    async jwt(params) {
      const token = await authConfig.callbacks.jwt(params);
      if (params.user) return token;
      const userId = typeof token.uid === "string" ? token.uid : "";
      const companyId = typeof token.cid === "string" ? token.cid : "";
      if (!userId || !companyId) return null;
      return (await isSessionCurrent(await getDb(), { companyId, userId, sessionVersion: Number(token.sv ?? 0) })) ? token : null;
    },
  },
} satisfies NextAuthConfig;

export const { handlers, auth, signIn, signOut } = NextAuth(withSecret(fullConfig));

/** Sets the session cookie for one of the user's companies; false when the credentials are refused. */
export async function signInToCompany({ email, password, companyId }: { email: string; password: string; companyId: string }) {
  try {
    await signIn("credentials", { email, password, companyId, redirect: false });
    return true;
  } catch (error) {
    if (error instanceof AuthError) return false;
    throw error;
  }
}
