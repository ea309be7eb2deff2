"use client";

import { Loader2, PenSquare } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { findCustomersToMessage, startConversation } from "@/lib/conversations/actions";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { SearchInput } from "@/components/ui/search-input";
import { useErrorText } from "@/components/ui/use-error-text";
import { customerName } from "@/lib/customers/display";
import { formatPhone } from "@/lib/phone";

type Found = { id: string; firstName: string; lastName: string; mobile: string | null; optedOut: boolean };

/** "New message": find a customer by name or phone, then write in their conversation. */
export function NewMessageButton({ className }: { className?: string }) {
  const t = useTranslations("newMessage");
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Found[]>([]);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (!query.trim()) return;
    const timer = setTimeout(async () => {
      const result = await findCustomersToMessage({ query });
      if (result.ok) setFound(result.data);
    }, 200);
    return () => clearTimeout(timer);
  }, [query]);

  const pick = (customer: Found) =>
    startTransition(async () => {
      const result = await startConversation({ customerId: customer.id });
      if (!result.ok) return setError(errorText(result.error));
      setOpen(false);
      router.push(`/conversations/${result.data.conversationId}`);
    });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="secondary" data-testid="new-message" aria-label={t("button")} title={t("button")} className={cn("px-2.5 2xl:px-3", className)}>
          <PenSquare className="h-4 w-4" aria-hidden />
          <span className="hidden 2xl:inline">{t("button")}</span>
        </Button>
      </DialogTrigger>
      <DialogContent title={t("title")} description={t("description")} closeLabel={t("close")}>
        <SearchInput size="md" value={query} onChange={(event) => setQuery(event.target.value)} placeholder={t("search")} autoFocus data-testid="new-message-search" />
        {error ? <p className="mt-2 text-sm text-red-600">{error}</p> : null}
        <ul className="mt-3 max-h-80 overflow-y-auto" aria-busy={pending}>
          {query.trim()
            ? found.map((customer) => (
                <li key={customer.id}>
                  <button type="button" onClick={() => pick(customer)} className="flex w-full items-center gap-3 rounded-lg px-2 py-2 text-left hover:bg-slate-50" disabled={pending}>
                    <Avatar name={customerName(customer)} size="sm" />
                    <span className="min-w-0 flex-1">
                      <span className="block truncate text-sm font-medium text-slate-900">{customerName(customer)}</span>
                      <span className="block text-xs text-slate-500">{customer.mobile ? formatPhone(customer.mobile) : t("noMobile")}</span>
                    </span>
                    {customer.optedOut ? <span className="text-xs text-red-600">STOP</span> : null}
                    {pending ? <Loader2 className="h-4 w-4 animate-spin text-slate-400" aria-hidden /> : null}
                  </button>
                </li>
              ))
            : null}
          {query.trim() && found.length === 0 ? <li className="px-2 py-6 text-center text-sm text-slate-500">{t("noMatch")}</li> : null}
        </ul>
      </DialogContent>
    </Dialog>
  );
}
