"use client";

export type UploadedFile = { id: string; fileName: string; contentType: string; sizeBytes: number; kind: string; url: string };

/** Uploads one file to /api/files, reporting progress (0–1); rejects with an i18n error key. */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/files");
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      let body: { error?: string; values?: Record<string, string | number> } & Partial<UploadedFile> = {};
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // not JSON: a proxy error page
      }
      if (request.status >= 200 && request.status < 300) resolve(body as UploadedFile);
      else reject(Object.assign(new Error(body.error ?? "files.uploadFailed"), { values: body.values }));
    };
    request.onerror = () => reject(new Error("files.uploadFailed"));
    const form = new FormData();
    form.append("file", file);
    request.send(form);
  });
}
