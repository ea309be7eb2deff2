"use client";

import { CalendarClock, ChevronDown } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import type { schedulePresets } from "@/lib/scheduling/presets";

/** EDIT-11: send later, at a preset time or one picked in the company's time zone. */
export function ScheduleMenu({
  presets,
  disabled,
  pending,
  error,
  dialogOpen,
  onDialogOpenChange,
  onSchedule,
  label,
  testId = "schedule-menu",
}: {
  presets: ReturnType<typeof schedulePresets>;
  disabled: boolean;
  pending: boolean;
  error?: string;
  dialogOpen: boolean;
  onDialogOpenChange: (open: boolean) => void;
  onSchedule: (local: string) => void;
  /** Shown beside the icon where there is room (the request dialogs). */
  label?: string;
  testId?: string;
}) {
  const t = useTranslations("composer");
  const format = useFormatter();
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button size={label ? "md" : "sm"} variant="secondary" disabled={disabled} aria-label={label ? undefined : t("schedule")} data-testid={testId}>
            <CalendarClock className="h-4 w-4" aria-hidden />
            {label}
            <ChevronDown className="h-3 w-3" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {presets.map((preset) => (
            <DropdownMenuItem key={preset.key} onSelect={() => onSchedule(preset.local)}>
              <span className="flex-1">{t(`presets.${preset.key}`)}</span>
              <span className="text-xs text-slate-500">{format.dateTime(preset.at, { weekday: "short", hour: "numeric", minute: "2-digit" })}</span>
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => onDialogOpenChange(true)}>{t("presets.custom")}</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={dialogOpen} onOpenChange={onDialogOpenChange}>
        <DialogContent title={t("scheduleTitle")} description={t("scheduleDescription")} closeLabel={t("cancel")}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              onSchedule(String(new FormData(event.currentTarget).get("sendAt") ?? ""));
            }}
            className="space-y-4"
          >
            <Input type="datetime-local" name="sendAt" aria-label={t("sendAt")} required defaultValue={presets[0]?.local} data-testid="schedule-custom" />
            {error ? (
              <p role="alert" className="text-sm text-red-600">
                {error}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => onDialogOpenChange(false)}>
                {t("cancel")}
              </Button>
              <Button type="submit" disabled={pending}>
                {t("scheduleButton")}
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
