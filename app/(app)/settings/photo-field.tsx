"use client";

import { Camera, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { useErrorText } from "@/components/ui/use-error-text";

/** The profile photo: uploaded, cropped square and resized by the server; initials without one. */
export function PhotoField({ name, photoUrl }: { name: string; photoUrl: string | null }) {
  const t = useTranslations("settings");
  const errorText = useErrorText();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const send = (init: RequestInit) =>
    startTransition(async () => {
      const response = await fetch("/api/users/photo", init);
      const body = (await response.json().catch(() => ({}))) as { error?: string; values?: Record<string, string | number> };
      if (!response.ok) return setError(errorText(body.error ?? "errors.unexpected", body.values));
      setError(undefined);
      router.refresh();
    });

  return (
    <div className="flex items-center gap-4">
      <Avatar name={name} src={photoUrl} size="xl" />
      <div className="space-y-2">
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" size="sm" icon={<Camera className="h-4 w-4" />} pending={pending} onClick={() => input.current?.click()} data-testid="photo-change">
            {photoUrl ? t("photoChange") : t("photoAdd")}
          </Button>
          {photoUrl ? (
            <Button variant="ghost" size="sm" icon={<Trash2 className="h-4 w-4" />} disabled={pending} onClick={() => send({ method: "DELETE" })}>
              {t("photoRemove")}
            </Button>
          ) : null}
        </div>
        <p className={error ? "text-sm text-red-600" : "text-sm text-slate-500"} role={error ? "alert" : undefined}>
          {error ?? t("photoHint")}
        </p>
        <input
          ref={input}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
          className="sr-only"
          aria-label={t("photoAdd")}
          data-testid="photo-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (!file) return;
            const data = new FormData();
            data.set("photo", file);
            send({ method: "POST", body: data });
          }}
        />
      </div>
    </div>
  );
}
