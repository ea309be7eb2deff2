"use client";

import { ExternalLink, Loader2, Star } from "lucide-react";
import { createTranslator } from "next-intl";
import { useState, useTransition } from "react";
import { cn } from "@/components/ui/cn";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { submitReview } from "@/lib/reviews/actions";

export function ReviewForm({
  token,
  locale,
  firstName,
  submitted,
  links,
}: {
  token: string;
  locale: "fr" | "en";
  firstName: string;
  submitted: { rating: number } | null;
  links: { label: string; url: string }[];
}) {
  // The customer's language, whatever their browser says.
  const t = createTranslator({ locale, messages: locale === "fr" ? fr : en, namespace: "reviewPage" });
  const [rating, setRating] = useState(0);
  const [hover, setHover] = useState(0);
  const [comment, setComment] = useState("");
  const [done, setDone] = useState(submitted);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  if (done) {
    const happy = done.rating >= 4;
    return (
      <div data-testid="review-thanks">
        <h1 className="text-xl font-semibold text-slate-900">{t("thanks")}</h1>
        <p className="mt-2 text-slate-600">{happy && links.length ? t("shareAsk") : t("thanksDescription")}</p>
        {happy && links.length ? (
          <ul className="mt-5 space-y-2">
            {links.map((link) => (
              <li key={link.url}>
                <a href={link.url} target="_blank" rel="noreferrer" className="inline-flex w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 py-2.5 text-sm font-medium text-white hover:bg-brand-700">
                  {t("shareOn", { site: link.label })}
                  <ExternalLink className="h-4 w-4" aria-hidden />
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }

  const submit = () =>
    startTransition(async () => {
      const result = await submitReview({ token, rating, comment });
      if (!result.ok) return setError(t("error"));
      setDone({ rating: result.data.rating });
    });

  return (
    <div>
      <h1 className="text-xl font-semibold text-slate-900">{firstName ? t("questionNamed", { name: firstName }) : t("question")}</h1>
      <div className="mt-5 flex justify-center gap-1.5" role="radiogroup" aria-label={t("ratingLabel")} onMouseLeave={() => setHover(0)}>
        {[1, 2, 3, 4, 5].map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={rating === value}
            aria-label={t("stars", { count: value })}
            onClick={() => setRating(value)}
            onMouseEnter={() => setHover(value)}
            className="rounded-lg p-1 focus-visible:outline-2 focus-visible:outline-brand-500"
          >
            <Star className={cn("h-10 w-10 transition-colors", value <= (hover || rating) ? "fill-amber-400 text-amber-400" : "text-slate-300")} aria-hidden />
          </button>
        ))}
      </div>
      <label htmlFor="review-comment" className="mt-6 block text-left text-sm font-medium text-slate-700">
        {t("commentLabel")}
      </label>
      <textarea
        id="review-comment"
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        rows={4}
        maxLength={2000}
        className="mt-1.5 block w-full rounded-lg border-0 px-3 py-2 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-500 focus:outline-none"
        placeholder={t("commentPlaceholder")}
      />
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        onClick={submit}
        disabled={rating === 0 || pending}
        className="mt-5 inline-flex w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 py-2.5 text-sm font-medium text-white hover:bg-brand-700 disabled:bg-brand-300"
      >
        {pending ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> : null}
        {t("send")}
      </button>
    </div>
  );
}
