"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { useAction, useDialogAction } from "@/components/ui/use-action";
import { deactivateStaffMember, reactivateStaffMember, updateStaffMember } from "@/lib/staff/actions";
import { PermissionCheckboxes } from "./permission-checkboxes";
import type { Member, Team } from "./staff-manager";

export function MemberDialog({ member, isMe, colleagues, teams, onDone }: { member: Member; isMe: boolean; colleagues: Member[]; teams: Team[]; onDone: (notice: string) => void }) {
  const t = useTranslations("staff");
  const router = useRouter();
  const edit = useDialogAction();
  const leave = useAction();
  const [role, setRole] = useState(member.role);
  const finish = (notice?: string) => {
    edit.setOpen(false);
    if (notice) onDone(notice);
    router.refresh();
  };
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    data.set("userId", member.id);
    edit.run(() => updateStaffMember(data), () => finish());
  };
  const deactivate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const handover = String(new FormData(event.currentTarget).get("handover") ?? "");
    leave.run(() => deactivateStaffMember({ userId: member.id, handover }), ({ handedOver }) => finish(t("deactivatedNotice", { name: member.name, count: handedOver })));
  };
  return (
    <Dialog open={edit.open} onOpenChange={(open) => (edit.onOpenChange(open), leave.reset())}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm" aria-label={t("editNamed", { name: member.name })}>
          {t("edit")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("editNamed", { name: member.name })} description={t("editDescription")} closeLabel={t("close")}>
        <form onSubmit={save} className="space-y-4">
          {edit.error ? <Alert tone="error">{edit.error}</Alert> : null}
          <Field label={t("role")} htmlFor={`role-${member.id}`}>
            <Select id={`role-${member.id}`} name="role" value={role} onChange={(event) => setRole(event.target.value as Member["role"])}>
              <option value="agent">{t("roles.agent")}</option>
              <option value="admin">{t("roles.admin")}</option>
            </Select>
          </Field>
          <PermissionCheckboxes key={role} admin={role === "admin"} initial={member.permissions} />
          <div className="flex justify-end">
            <Button type="submit" pending={edit.pending}>{t("save")}</Button>
          </div>
        </form>
        <div className="mt-6 border-t border-slate-100 pt-5">
          {isMe ? (
            <p className="text-sm text-slate-500">{t("selfNote")}</p>
          ) : member.active ? (
            <form onSubmit={deactivate} className="space-y-3">
              <h3 className="text-sm font-semibold text-slate-900">{t("deactivateTitle")}</h3>
              <p className="text-sm text-slate-500">{t("deactivateDescription")}</p>
              {leave.error ? <Alert tone="error">{leave.error}</Alert> : null}
              <Field label={t("handover")} htmlFor={`handover-${member.id}`} error={leave.fieldError("handover")}>
                <Select id={`handover-${member.id}`} name="handover" defaultValue="" required>
                  <option value="" disabled>{t("handoverPlaceholder")}</option>
                  <optgroup label={t("handoverUsers")}>
                    {colleagues.filter((c) => c.active && c.id !== member.id).map((c) => (
                      <option key={c.id} value={`user:${c.id}`}>{c.name}</option>
                    ))}
                  </optgroup>
                  {teams.length ? (
                    <optgroup label={t("handoverTeams")}>
                      {teams.map((team) => (
                        <option key={team.id} value={`team:${team.id}`}>{team.name}</option>
                      ))}
                    </optgroup>
                  ) : null}
                </Select>
              </Field>
              <div className="flex justify-end">
                <Button type="submit" variant="danger" pending={leave.pending}>{t("deactivate", { name: member.name })}</Button>
              </div>
            </form>
          ) : (
            <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
              <p className="text-sm text-slate-500">{t("reactivateDescription")}</p>
              {leave.error ? <Alert tone="error">{leave.error}</Alert> : null}
              <Button variant="secondary" pending={leave.pending} onClick={() => leave.run(() => reactivateStaffMember({ userId: member.id }), () => finish())}>
                {t("reactivate")}
              </Button>
            </div>
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}
