"use client";

import { FileIcon, Paperclip, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { toolbarButton } from "@/components/composer/attribute-picker";
import { cn } from "@/components/ui/cn";
import { useErrorText } from "@/components/ui/use-error-text";
import { uploadFile, type UploadedFile } from "./uploads";

export type Attachment = { key: string; name: string; progress: number; file?: UploadedFile; error?: string };

/**
 * Files being attached (EDIT-7): each upload starts at once and reports its progress; a
 * refused one keeps its error. Shared by the conversation composer and the campaign form.
 */
export function useFileAttachments(initial: UploadedFile[] = []) {
  const errorText = useErrorText();
  const [attachments, setAttachments] = useState<Attachment[]>(() => initial.map(storedAttachment));
  const addFiles = (files: File[]) => {
    for (const file of files) {
      const key = `${file.name}-${Math.random()}`;
      setAttachments((list) => [...list, { key, name: file.name, progress: 0 }]);
      uploadFile(file, (progress) => setAttachments((list) => list.map((a) => (a.key === key ? { ...a, progress } : a))))
        .then((stored) => setAttachments((list) => list.map((a) => (a.key === key ? { ...a, file: stored, progress: 1 } : a))))
        .catch((failure: Error & { values?: Record<string, string | number> }) =>
          setAttachments((list) => list.map((a) => (a.key === key ? { ...a, error: errorText(failure.message, failure.values) } : a))),
        );
    }
  };
  return {
    attachments,
    addFiles,
    remove: (key: string) => setAttachments((list) => list.filter((a) => a.key !== key)),
    clear: () => setAttachments([]),
    /** The stored files' ids, in the order attached. */
    uploaded: attachments.filter((a) => a.file).map((a) => a.file!.id),
    uploading: attachments.some((a) => !a.file && !a.error),
    /** Files that will go (as links), uploaded or still uploading. */
    fileCount: attachments.filter((a) => !a.error).length,
  };
}

export type FileAttachments = ReturnType<typeof useFileAttachments>;

/** The attached files as chips: a thumbnail or icon, the name, the progress or error, a remove button (without `onRemove`, a link to the file). */
export function AttachmentList({ attachments, onRemove, className }: { attachments: Attachment[]; onRemove?: (key: string) => void; className?: string }) {
  const t = useTranslations("composer");
  if (!attachments.length) return null;
  return (
    <ul className={cn("flex flex-wrap gap-2", className)} data-testid="composer-attachments">
      {attachments.map((attachment) => (
        <li key={attachment.key} className={cn("flex max-w-56 items-center gap-2 rounded-lg px-2 py-1 text-xs ring-1", attachment.error ? "bg-red-50 text-red-700 ring-red-200" : "bg-slate-50 text-slate-700 ring-slate-200")}>
          {attachment.file?.kind === "image" ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={attachment.file.url} alt="" className="h-8 w-8 rounded object-cover" />
          ) : (
            <FileIcon className="h-4 w-4 shrink-0" aria-hidden />
          )}
          <span className="min-w-0">
            {!onRemove && attachment.file ? (
              <a href={attachment.file.url} target="_blank" rel="noreferrer" className="block truncate hover:underline focus-visible:underline focus-visible:outline-none">
                {attachment.name}
              </a>
            ) : (
              <span className="block truncate">{attachment.name}</span>
            )}
            {attachment.error ? <span className="block">{attachment.error}</span> : !attachment.file ? <span className="block">{Math.round(attachment.progress * 100)} %</span> : null}
          </span>
          {onRemove ? (
            <button type="button" onClick={() => onRemove(attachment.key)} aria-label={t("removeFile", { name: attachment.name })} className="rounded p-0.5 hover:bg-slate-200">
              <X className="h-3.5 w-3.5" aria-hidden />
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Stored files (a campaign's), read only: the same chips, each opening its file. */
export function FileChips({ files, className }: { files: UploadedFile[]; className?: string }) {
  return <AttachmentList attachments={files.map(storedAttachment)} className={className} />;
}

function storedAttachment(file: UploadedFile): Attachment {
  return { key: file.id, name: file.fileName, progress: 1, file };
}

/** The toolbar's paperclip: opens the file chooser (several files at once). */
export function AttachButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const t = useTranslations("composer");
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={toolbarButton} onClick={() => input.current?.click()} aria-label={t("attach")} title={t("attach")} data-testid="attach-button">
        <Paperclip className="h-4 w-4" aria-hidden />
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="file-input"
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          event.target.value = "";
        }}
      />
    </>
  );
}
