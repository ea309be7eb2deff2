import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./config";
import { checkCredentials } from "./credentials";

class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

function clientIp(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || null;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const outcome = await checkCredentials(
          { email: String(credentials.email ?? ""), password: String(credentials.password ?? "") },
          clientIp(request),
        );
        if (outcome.ok) return outcome.user;
        if (outcome.reason === "throttled") throw new ThrottledSignIn();
        return null;
      },
    }),
  ],
});
