import "server-only";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { devToolAccess, type DevTool } from "./dev-tool-access";
import { requireSession, type SessionContext } from "./session";

/** For a dev tool page: a 404 when the tools are off or the role may not use it, sign-in when signed out. */
export async function requireDevTool(tool: DevTool): Promise<SessionContext> {
  if (!env().devTools) notFound();
  const session = await requireSession();
  if (devToolAccess(tool, { enabled: true, member: session }) !== "open") notFound();
  return session;
}
