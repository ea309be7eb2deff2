import { notFound } from "next/navigation";
import { can, type Member, type Permission } from "./permissions";

/** A page (or route) for members whose role or grants allow `permission`; a 404 for anyone else. */
export function guardPage<Context extends Member>(context: Context, permission: Permission): Context {
  if (!can(context, permission)) notFound();
  return context;
}
