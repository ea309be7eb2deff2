import { SafeError } from "@/lib/actions/errors";
import { getSessionContext } from "@/lib/auth/session";
import { defaultStorage } from "@/lib/files/storage";
import { PHOTO_MAX_BYTES, setProfilePhoto } from "@/lib/users/profile";

export const dynamic = "force-dynamic";

const refused = (error: SafeError) => Response.json({ error: error.message, values: error.values }, { status: 422 });

/** Sets the signed-in user's photo (multipart field "photo"): cropped square and resized here. */
export async function POST(request: Request) {
  const session = await getSessionContext();
  if (!session) return Response.json({ error: "errors.signInRequired" }, { status: 401 });
  if (Number(request.headers.get("content-length") ?? 0) > PHOTO_MAX_BYTES + 64 * 1024) {
    return Response.json({ error: "profile.photoTooLarge", values: { max: PHOTO_MAX_BYTES / 1024 / 1024 } }, { status: 413 });
  }
  let photo: FormDataEntryValue | null;
  try {
    photo = (await request.formData()).get("photo");
  } catch {
    return Response.json({ error: "files.unreadable" }, { status: 400 });
  }
  if (!(photo instanceof File)) return Response.json({ error: "files.missing" }, { status: 400 });
  try {
    return Response.json(await setProfilePhoto(session.db, session, Buffer.from(await photo.arrayBuffer()), { storage: defaultStorage() }));
  } catch (error) {
    if (error instanceof SafeError) return refused(error);
    throw error;
  }
}

/** Removes the photo: initials show again. */
export async function DELETE() {
  const session = await getSessionContext();
  if (!session) return Response.json({ error: "errors.signInRequired" }, { status: 401 });
  return Response.json(await setProfilePhoto(session.db, session, null, { storage: defaultStorage() }));
}
