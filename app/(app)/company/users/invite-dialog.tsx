"use client";

import { Send, UserPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useDialogAction } from "@/components/ui/use-action";
import { inviteStaff } from "@/lib/staff/actions";
import { PermissionCheckboxes } from "./permission-checkboxes";

export function InviteDialog({ defaultLanguage, onSent }: { defaultLanguage: "fr" | "en"; onSent: (email: string) => void }) {
  const t = useTranslations("staff");
  const router = useRouter();
  const { run, pending, error, fieldError, open, setOpen, onOpenChange } = useDialogAction();
  const [role, setRole] = useState<"agent" | "admin">("agent");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    run(() => inviteStaff(data), (sent) => {
      setOpen(false);
      setRole("agent");
      onSent(sent.email);
      router.refresh();
    });
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button icon={<UserPlus className="h-4 w-4" aria-hidden />}>{t("invite")}</Button>
      </DialogTrigger>
      <DialogContent title={t("inviteTitle")} description={t("inviteDescription")} closeLabel={t("close")}>
        <form onSubmit={submit} className="space-y-4" noValidate>
          {error ? <Alert tone="error">{error}</Alert> : null}
          <Field label={t("email")} htmlFor="invite-email" error={fieldError("email")}>
            <Input id="invite-email" name="email" type="email" autoComplete="off" required autoFocus aria-invalid={Boolean(fieldError("email"))} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("role")} htmlFor="invite-role">
              <Select id="invite-role" name="role" value={role} onChange={(event) => setRole(event.target.value as "agent" | "admin")}>
                <option value="agent">{t("roles.agent")}</option>
                <option value="admin">{t("roles.admin")}</option>
              </Select>
            </Field>
            <Field label={t("language")} htmlFor="invite-language">
              <Select id="invite-language" name="language" defaultValue={defaultLanguage}>
                <option value="fr">{t("languages.fr")}</option>
                <option value="en">{t("languages.en")}</option>
              </Select>
            </Field>
          </div>
          <PermissionCheckboxes key={role} admin={role === "admin"} initial={{}} />
          <div className="flex justify-end">
            <Button type="submit" pending={pending} icon={<Send className="h-4 w-4" aria-hidden />}>
              {t("sendInvitation")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
