"use client";

import { Share2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { shareFile, shareTargets } from "@/lib/files/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useErrorText } from "@/components/ui/use-error-text";
import { formatPhone } from "@/lib/phone";
import type { ThreadFile } from "@/lib/conversations/types";

const TARGETS = ["message", "conversation_note", "customer_note", "repair_order"] as const;

export function ShareFileDialog({ file, defaultCustomerId, onClose }: { file: ThreadFile; defaultCustomerId: string; onClose: () => void }) {
  const t = useTranslations("files");
  const errorText = useErrorText();
  const router = useRouter();
  const [target, setTarget] = useState<(typeof TARGETS)[number]>("conversation_note");
  const [customerId, setCustomerId] = useState(defaultCustomerId);
  const [query, setQuery] = useState("");
  const [customers, setCustomers] = useState<{ id: string; name: string; mobile: string | null }[]>([]);
  const [events, setEvents] = useState<{ id: string; number: string | null; title: string }[]>([]);
  const [eventId, setEventId] = useState("");
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const timer = setTimeout(async () => {
      const result = await shareTargets({ query, customerId });
      if (!result.ok) return;
      setCustomers(result.data.customers);
      setEvents(result.data.events);
    }, 200);
    return () => clearTimeout(timer);
  }, [query, customerId]);

  const share = () =>
    startTransition(async () => {
      const result = await shareFile({ attachmentId: file.id, target, customerId, eventId: eventId || undefined, text });
      if (!result.ok) return setError(errorText(result.fieldErrors?.text?.[0] ?? result.fieldErrors?.eventId?.[0] ?? result.error));
      setDone(true);
      router.refresh();
    });

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent title={t("shareTitle", { name: file.fileName })} closeLabel={t("close")}>
        {done ? (
          <div className="space-y-4">
            <p role="status" className="text-sm text-emerald-700">
              {t("shared")}
            </p>
            <div className="flex justify-end">
              <Button onClick={onClose}>{t("close")}</Button>
            </div>
          </div>
        ) : (
          <div className="space-y-4">
            <fieldset className="grid grid-cols-2 gap-2">
              <legend className="sr-only">{t("shareAs")}</legend>
              {TARGETS.map((value) => (
                <label key={value} className={`flex cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-sm ring-1 ${target === value ? "bg-brand-50 ring-brand-300" : "ring-slate-200"}`}>
                  <input type="radio" name="target" value={value} checked={target === value} onChange={() => setTarget(value)} className="text-brand-600" />
                  {t(`targets.${value}`)}
                </label>
              ))}
            </fieldset>
            <Field label={t("customer")} htmlFor="share-customer" hint={customerId === defaultCustomerId ? t("thisCustomer") : undefined}>
              <Input id="share-customer" value={query} onChange={(event) => setQuery(event.target.value)} placeholder={t("findCustomer")} />
            </Field>
            {customers.length ? (
              <ul className="max-h-40 overflow-y-auto rounded-lg ring-1 ring-slate-200">
                {customers.map((customer) => (
                  <li key={customer.id}>
                    <button type="button" onClick={() => setCustomerId(customer.id)} className={`w-full px-3 py-1.5 text-left text-sm ${customer.id === customerId ? "bg-brand-50 font-medium" : "hover:bg-slate-50"}`}>
                      {customer.name || formatPhone(customer.mobile)} <span className="text-slate-500">{formatPhone(customer.mobile)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            {target === "repair_order" ? (
              <Field label={t("repairOrder")} htmlFor="share-event">
                <Select id="share-event" value={eventId} onChange={(event) => setEventId(event.target.value)}>
                  <option value="">{t("pickRepairOrder")}</option>
                  {events.map((event) => (
                    <option key={event.id} value={event.id}>
                      {event.number} · {event.title}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : (
              <Field label={target === "message" ? t("messageText") : t("noteText")} htmlFor="share-text">
                <Textarea id="share-text" rows={3} value={text} onChange={(event) => setText(event.target.value)} />
              </Field>
            )}
            {error ? (
              <p role="alert" className="text-sm text-red-600">
                {error}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={onClose}>
                {t("cancel")}
              </Button>
              <Button onClick={share} pending={pending} icon={<Share2 className="h-4 w-4" aria-hidden />}>
                {t("share")}
              </Button>
            </div>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
