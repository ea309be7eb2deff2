"use client";

import { UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { createCustomer } from "@/lib/customers/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useDialogAction } from "@/components/ui/use-action";

/** "New customer": the contact details; the profile opens after. */
export function NewCustomerButton({ defaultLanguage }: { defaultLanguage: "fr" | "en" }) {
  const t = useTranslations("customers");
  const router = useRouter();
  const { run, pending, error, fieldError, open, setOpen, onOpenChange } = useDialogAction();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    run(
      () => createCustomer(data),
      ({ id }) => {
        setOpen(false);
        router.push(`/customers/${id}`);
      },
    );
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
    >
      <DialogTrigger asChild>
        <Button size="sm" data-testid="new-customer">
          <UserPlus className="h-4 w-4" aria-hidden />
          {t("new")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("newTitle")} description={t("newDescription")} closeLabel={t("close")}>
        <form onSubmit={submit} className="grid gap-4">
          {error ? <Alert tone="error">{error}</Alert> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("fields.firstName")} htmlFor="new-firstName" error={fieldError("firstName")}>
              <Input id="new-firstName" name="firstName" autoComplete="off" autoFocus />
            </Field>
            <Field label={t("fields.lastName")} htmlFor="new-lastName" error={fieldError("lastName")}>
              <Input id="new-lastName" name="lastName" autoComplete="off" />
            </Field>
          </div>
          <Field label={t("fields.mobile")} htmlFor="new-mobile" error={fieldError("mobile")}>
            <Input id="new-mobile" name="mobile" type="tel" inputMode="tel" autoComplete="off" placeholder="514 555-0123" />
          </Field>
          <Field label={t("fields.email")} htmlFor="new-email" error={fieldError("email")}>
            <Input id="new-email" name="email" type="email" autoComplete="off" />
          </Field>
          <Field label={t("fields.language")} htmlFor="new-language">
            <Select id="new-language" name="language" defaultValue={defaultLanguage}>
              <option value="fr">Français</option>
              <option value="en">English</option>
            </Select>
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" pending={pending}>
              {t("create")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
