"use client";

import { CalendarPlus, Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { createAppointment, setAppointmentStatus, updateAppointment } from "@/lib/appointments/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useAction, useDialogAction } from "@/components/ui/use-action";
import type { AttributeValues } from "@/lib/attributes/types";
import { APPOINTMENT_STATUSES } from "@/lib/appointments/validation";
import { AttributeField, type AttributeDefinition } from "./attribute-field";

export type AppointmentFormValues = { id: string; date: string; time: string; durationMinutes: number; type: string; attributes: AttributeValues };

const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240, 480];

/** CUST-5: new appointment (date, time, duration, attributes), or edit one. */
export function AppointmentDialog({
  customerId,
  appointment,
  definitions,
  defaultDate,
}: {
  customerId: string;
  appointment?: AppointmentFormValues;
  definitions: AttributeDefinition[];
  defaultDate: string;
}) {
  const t = useTranslations("appointments");
  const router = useRouter();
  const [attributes, setAttributes] = useState<AttributeValues>(appointment?.attributes ?? {});
  const { run, pending, error, fieldError, open, setOpen, onOpenChange } = useDialogAction();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const input = { date: form.date ?? "", time: form.time ?? "", durationMinutes: form.durationMinutes, type: form.type ?? "", attributes };
    run(
      () => (appointment ? updateAppointment({ id: appointment.id, ...input }) : createAppointment({ customerId, ...input })),
      () => {
        setOpen(false);
        router.refresh();
      },
    );
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
    >
      <DialogTrigger asChild>
        {appointment ? (
          <Button variant="ghost" size="icon" aria-label={t("edit")} title={t("edit")}>
            <Pencil className="h-4 w-4" aria-hidden />
          </Button>
        ) : (
          <Button variant="secondary" size="sm" data-testid="new-appointment">
            <CalendarPlus className="h-4 w-4" aria-hidden />
            {t("new")}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent title={appointment ? t("editTitle") : t("newTitle")} closeLabel={t("close")}>
        <form onSubmit={submit} className="grid gap-4">
          {error ? <Alert tone="error">{error}</Alert> : null}
          <Field label={t("type")} htmlFor="appointment-type" error={fieldError("type")} hint={t("typeHint")}>
            <Input id="appointment-type" name="type" defaultValue={appointment?.type} autoFocus required maxLength={80} />
          </Field>
          <div className="grid grid-cols-2 gap-4">
            <Field label={t("date")} htmlFor="appointment-date" error={fieldError("date")}>
              <Input id="appointment-date" name="date" type="date" defaultValue={appointment?.date ?? defaultDate} required />
            </Field>
            <Field label={t("time")} htmlFor="appointment-time" error={fieldError("time")}>
              <Input id="appointment-time" name="time" type="time" defaultValue={appointment?.time ?? "09:00"} step={300} required />
            </Field>
          </div>
          <Field label={t("duration")} htmlFor="appointment-duration" error={fieldError("durationMinutes")}>
            <Select id="appointment-duration" name="durationMinutes" defaultValue={appointment?.durationMinutes ?? 60}>
              {[...new Set([...DURATIONS, appointment?.durationMinutes ?? 60])]
                .sort((a, b) => a - b)
                .map((minutes) => (
                  <option key={minutes} value={minutes}>
                    {t("minutes", { count: minutes })}
                  </option>
                ))}
            </Select>
          </Field>
          {definitions.map((definition) => (
            <AttributeField
              key={definition.key}
              idPrefix="appointment"
              definition={definition}
              value={attributes[definition.key]}
              onChange={(value) => setAttributes((current) => ({ ...current, [definition.key]: value }))}
            />
          ))}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" data-testid="save-appointment" pending={pending}>
              {appointment ? t("save") : t("create")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Staff set the status: scheduled, confirmed, cancelled, no-show, completed. */
export function AppointmentStatusSelect({ id, status }: { id: string; status: (typeof APPOINTMENT_STATUSES)[number] }) {
  const t = useTranslations("appointments");
  const router = useRouter();
  const { run, pending, error } = useAction();
  return (
    <div className="flex items-center gap-2">
      <Select
        aria-label={t("status")}
        value={status}
        disabled={pending}
        className="h-8 w-auto py-0 text-xs"
        onChange={(event) => run(() => setAppointmentStatus({ id, status: event.target.value as (typeof APPOINTMENT_STATUSES)[number] }), () => router.refresh())}
        data-testid="appointment-status"
      >
        {APPOINTMENT_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`status_${value}`)}
          </option>
        ))}
      </Select>
      {error ? <span className="text-xs text-red-600">{error}</span> : null}
    </div>
  );
}
