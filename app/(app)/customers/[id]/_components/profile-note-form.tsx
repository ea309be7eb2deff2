"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { addNote } from "@/lib/notes/actions";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { useAction } from "@/components/ui/use-action";

/** A note on the profile itself, outside any conversation. */
export function ProfileNoteForm({ customerId }: { customerId: string }) {
  const t = useTranslations("customers.profile");
  const router = useRouter();
  const [body, setBody] = useState("");
  const { run, pending, error, fieldError } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(
      () => addNote({ customerId, body }),
      () => {
        setBody("");
        router.refresh();
      },
    );
  };
  return (
    <form onSubmit={submit} className="space-y-2">
      <label htmlFor="profile-note" className="sr-only">
        {t("addNote")}
      </label>
      <Textarea id="profile-note" rows={2} value={body} onChange={(event) => setBody(event.target.value)} placeholder={t("notePlaceholder")} className="bg-amber-50/50" />
      {error || fieldError("body") ? <p className="text-sm text-red-600">{error ?? fieldError("body")}</p> : null}
      <div className="flex justify-end">
        <Button type="submit" size="sm" variant="secondary" disabled={!body.trim()} pending={pending}>
          {t("addNote")}
        </Button>
      </div>
    </form>
  );
}
