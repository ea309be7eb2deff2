"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { useAction } from "@/components/ui/use-action";
import type { ReviewLink } from "@/lib/company/types";
import { updateReviewLinks } from "@/lib/company/actions";

const MAX_LINKS = 5;

/** EDIT-10: public review pages (Google, Facebook…) offered to customers who rate 4 or 5. */
export function ReviewLinksForm({ links: initial }: { links: ReviewLink[] }) {
  const t = useTranslations("company");
  const router = useRouter();
  const [links, setLinks] = useState<ReviewLink[]>(initial.length ? initial : [{ label: "Google", url: "" }]);
  const [saved, setSaved] = useState(false);
  const { run, pending, error, fieldError } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const filled = links.filter((link) => link.label.trim() || link.url.trim());
    run(
      () => updateReviewLinks({ links: filled }),
      () => {
        setSaved(true);
        router.refresh();
      },
    );
  };
  const change = (index: number, patch: Partial<ReviewLink>) => setLinks((current) => current.map((link, i) => (i === index ? { ...link, ...patch } : link)));

  return (
    <Card>
      <CardHeader title={t("reviewsTitle")} description={t("reviewsDescription")} />
      <CardBody>
        <form onSubmit={submit} className="space-y-4" data-testid="review-links-form">
          {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
          {error ? <Alert tone="error">{error}</Alert> : null}
          <ul className="space-y-3">
            {links.map((link, index) => {
              const problem = fieldError(`links.${index}.label`) ?? fieldError(`links.${index}.url`);
              return (
                <li key={index}>
                  <div className="flex flex-col gap-2 sm:flex-row">
                    <Input aria-label={t("reviewLabel")} placeholder="Google" value={link.label} onChange={(event) => change(index, { label: event.target.value })} className="sm:w-40" maxLength={40} />
                    <Input
                      aria-label={t("reviewUrl")}
                      placeholder="https://g.page/r/…/review"
                      type="url"
                      value={link.url}
                      onChange={(event) => change(index, { url: event.target.value })}
                      aria-invalid={Boolean(problem)}
                      className="flex-1"
                    />
                    <Button variant="ghost" size="icon" aria-label={t("reviewRemove")} onClick={() => setLinks((current) => current.filter((_, i) => i !== index))}>
                      <Trash2 className="h-4 w-4" aria-hidden />
                    </Button>
                  </div>
                  {problem ? <p className="mt-1 text-sm text-red-600">{problem}</p> : null}
                </li>
              );
            })}
          </ul>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Button variant="secondary" size="sm" disabled={links.length >= MAX_LINKS} onClick={() => setLinks((current) => [...current, { label: "", url: "" }])}>
              <Plus className="h-4 w-4" aria-hidden />
              {t("reviewAdd")}
            </Button>
            <Button type="submit" pending={pending}>
              {t("save")}
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
