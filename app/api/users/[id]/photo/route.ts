import { z } from "zod";
import { getSessionContext } from "@/lib/auth/session";
import { defaultStorage } from "@/lib/files/storage";
import { readProfilePhoto } from "@/lib/users/profile";

export const dynamic = "force-dynamic";

/** A colleague's photo, for members of the same company only; its URL changes with the photo, so it is cached long. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getSessionContext();
  if (!session) return new Response(null, { status: 401 });
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) return new Response(null, { status: 404 });
  const photo = await readProfilePhoto(session.db, { companyId: session.companyId, userId: id.data }, { storage: defaultStorage() });
  if (!photo) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(photo), { headers: { "content-type": "image/webp", "cache-control": "private, max-age=31536000, immutable", "x-content-type-options": "nosniff" } });
}
