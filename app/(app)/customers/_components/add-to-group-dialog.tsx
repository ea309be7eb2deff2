"use client";

import { UsersRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useDialogAction } from "@/components/ui/use-action";
import { addCustomersToGroup, createGroup } from "@/lib/groups/actions";

const NEW = "new";

/** The directory's bulk action: the selected customers join a static group, or a new one. */
export function AddToGroupDialog({ groups, customerIds, onAdded }: { groups: { id: string; name: string }[]; customerIds: string[]; onAdded: () => void }) {
  const t = useTranslations("groups");
  const router = useRouter();
  const { run, pending, error, fieldError, open, setOpen, onOpenChange } = useDialogAction();
  const [target, setTarget] = useState(groups[0]?.id ?? NEW);
  const [notice, setNotice] = useState<string>();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    const done = (groupId: string, message: string) => {
      setOpen(false);
      onAdded();
      setNotice(message);
      router.push(`/customers/groups/${groupId}`);
    };
    if (target === NEW) run(() => createGroup({ kind: "static", name, customerIds }), ({ id }) => done(id, t("added", { count: customerIds.length, name })));
    else {
      const group = groups.find((candidate) => candidate.id === target)!;
      run(() => addCustomersToGroup({ groupId: target, customerIds }), ({ count }) => done(target, t("added", { count, name: group.name })));
    }
  };

  return (
    <>
      {notice ? <span className="sr-only" role="status">{notice}</span> : null}
      <Dialog open={open} onOpenChange={onOpenChange}>
        <DialogTrigger asChild>
          <Button size="sm" variant="secondary" icon={<UsersRound className="h-4 w-4" aria-hidden />} data-testid="add-to-group">
            {t("addToGroup")}
          </Button>
        </DialogTrigger>
        <DialogContent title={t("addToGroup")} description={t("selected", { count: customerIds.length })} closeLabel={t("cancel")}>
          <form onSubmit={submit} className="grid gap-4">
            {error ? <Alert tone="error">{error}</Alert> : null}
            <Field label={t("chooseGroup")} htmlFor="add-to-group-target" hint={groups.length === 0 ? t("noStaticGroups") : undefined}>
              <Select id="add-to-group-target" value={target} onChange={(event) => setTarget(event.target.value)} data-testid="add-to-group-target">
                {groups.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name}
                  </option>
                ))}
                <option value={NEW}>{t("newStaticGroup")}</option>
              </Select>
            </Field>
            {target === NEW ? (
              <Field label={t("newGroupName")} htmlFor="add-to-group-name" error={fieldError("name")}>
                <Input id="add-to-group-name" name="name" maxLength={80} autoComplete="off" required autoFocus data-testid="add-to-group-name" />
              </Field>
            ) : null}
            <div className="flex justify-end">
              <Button type="submit" pending={pending} data-testid="confirm-add-to-group">
                {t("add")}
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
