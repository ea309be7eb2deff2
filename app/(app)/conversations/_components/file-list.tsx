"use client";

import { Download, FileText, Share2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { ShareFileDialog } from "./share-file-dialog";

import type { ThreadFile } from "@/lib/conversations/types";

const sizeText = (bytes: number) => (bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Files of a message or note: thumbnails for images, named chips otherwise; download or share (EDIT-9). */
export function FileList({ files, customerId, align = "start" }: { files: ThreadFile[]; customerId: string; align?: "start" | "end" }) {
  const t = useTranslations("files");
  const [sharing, setSharing] = useState<ThreadFile | null>(null);
  if (files.length === 0) return null;
  return (
    <>
      <ul className={cn("mt-1.5 flex flex-wrap gap-2", align === "end" && "justify-end")} data-testid="file-list">
        {files.map((file) => {
          const image = file.contentType.startsWith("image/") && !file.contentType.includes("heic");
          return (
            <li key={file.id} className="group relative">
              {image ? (
                <a href={`/api/files/${file.id}`} target="_blank" rel="noreferrer" className="block">
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img src={`/api/files/${file.id}`} alt={file.fileName} className="h-28 w-28 rounded-xl object-cover ring-1 ring-slate-200" loading="lazy" />
                </a>
              ) : (
                <span className="flex max-w-60 items-center gap-2 rounded-xl bg-white px-3 py-2 text-sm ring-1 ring-slate-200">
                  <FileText className="h-5 w-5 shrink-0 text-slate-400" aria-hidden />
                  <span className="min-w-0">
                    <span className="block truncate font-medium text-slate-800">{file.fileName}</span>
                    <span className="block text-xs text-slate-500">{sizeText(file.sizeBytes)}</span>
                  </span>
                </span>
              )}
              <span className="absolute top-1 right-1 flex gap-1 opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100">
                <a href={`/api/files/${file.id}?download=1`} className="rounded-md bg-white/90 p-1 text-slate-700 shadow ring-1 ring-slate-200 hover:bg-white" aria-label={t("downloadFile", { name: file.fileName })}>
                  <Download className="h-3.5 w-3.5" aria-hidden />
                </a>
                <button type="button" onClick={() => setSharing(file)} className="rounded-md bg-white/90 p-1 text-slate-700 shadow ring-1 ring-slate-200 hover:bg-white" aria-label={t("shareFile", { name: file.fileName })}>
                  <Share2 className="h-3.5 w-3.5" aria-hidden />
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {sharing ? <ShareFileDialog file={sharing} defaultCustomerId={customerId} onClose={() => setSharing(null)} /> : null}
    </>
  );
}
