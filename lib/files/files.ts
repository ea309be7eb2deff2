import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import type { Db } from "@/db/client";
import type { UploadedFile } from "@/components/composer/uploads";
import { claimUploads, insertAttachment, type AttachmentOwner, type AttachmentRow } from "@/db/queries/files";
import { SafeError } from "@/lib/actions/errors";
import type { FileStorage } from "./storage";

/** What staff may attach (EDIT-7): photos, videos, PDFs and common documents. */
const ALLOWED: Record<string, string> = {
  "image/jpeg": "image",
  "image/png": "image",
  "image/gif": "image",
  "image/webp": "image",
  "image/heic": "image",
  "image/heif": "image",
  "video/mp4": "video",
  "video/quicktime": "video",
  "video/webm": "video",
  "audio/mpeg": "audio",
  "application/pdf": "document",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "document",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "document",
  "application/msword": "document",
  "application/vnd.ms-excel": "document",
  "text/plain": "document",
  "text/csv": "document",
};

export const fileKind = (contentType: string) => ALLOWED[contentType] ?? "document";
export const isImage = (contentType: string) => contentType.startsWith("image/") && contentType !== "image/heic" && contentType !== "image/heif";

function cleanName(name: string) {
  const base = name.split(/[\\/]/).pop() ?? "file";
  return base.replace(/[\u0000-\u001f<>:"|?*]/g, "_").slice(0, 120) || "file";
}

/**
 * Stores an upload after checking its real type (from its bytes, not the name the
 * browser sent) and its size. The file belongs to no message or note yet.
 */
export async function storeUpload(
  db: Db,
  { companyId, userId, fileName, declaredType, body }: { companyId: string; userId: string; fileName: string; declaredType: string; body: Buffer },
  { storage, maxBytes }: { storage: FileStorage; maxBytes: number },
) {
  if (body.length === 0) throw new SafeError("files.empty");
  if (body.length > maxBytes) throw new SafeError("files.tooLarge", { max: Math.round(maxBytes / 1024 / 1024) });
  const sniffed = await fileTypeFromBuffer(body);
  // Plain text and CSV have no signature: trust the declared type only for those.
  const contentType = sniffed?.mime ?? (["text/plain", "text/csv"].includes(declaredType) ? declaredType : "application/octet-stream");
  if (!ALLOWED[contentType]) throw new SafeError("files.typeNotAllowed", { type: sniffed?.ext ?? (fileName.split(".").pop() || contentType) });
  const storageKey = `${companyId}/${randomUUID()}`;
  await storage.put(storageKey, body, contentType);
  return insertAttachment(db, {
    companyId,
    fileName: cleanName(fileName),
    contentType,
    sizeBytes: body.length,
    storageKey,
    publicToken: newPublicToken(),
    uploadedByUserId: userId,
  });
}

/** The unguessable key of a file's public page. */
export const newPublicToken = () => randomBytes(24).toString("base64url");

export type { AttachmentOwner } from "@/db/queries/files";

/**
 * Gives uploaded files to a message, note or repair order. Only files of this company
 * that belong to nothing yet can be taken; anything else is refused.
 */
export async function attachUploads(db: Db, { companyId, customerId, attachmentIds, owner }: { companyId: string; customerId: string; attachmentIds: string[]; owner: AttachmentOwner }) {
  if (attachmentIds.length === 0) return [];
  const attached = await claimUploads(db, { companyId, customerId, attachmentIds, owner });
  if (attached.length !== new Set(attachmentIds).size) throw new SafeError("files.notAvailable");
  return attached;
}

/** What the upload route answers and the file pickers show: the stored file, its kind and where staff open it. */
export const uploadedFile = (file: Pick<AttachmentRow, "id" | "fileName" | "contentType" | "sizeBytes">): UploadedFile => ({
  id: file.id,
  fileName: file.fileName,
  contentType: file.contentType,
  sizeBytes: file.sizeBytes,
  kind: fileKind(file.contentType),
  url: `/api/files/${file.id}`,
});

export const publicFileUrl = (appUrl: string, token: string) => new URL(`/f/${token}`, appUrl).toString();
