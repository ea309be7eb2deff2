"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Input } from "@/components/ui/input";

/** Jump to any day of the appointment list. */
export function DayPicker({ day }: { day: string }) {
  const t = useTranslations("appointments");
  const router = useRouter();
  return (
    <div className="w-44">
      <Input
        type="date"
        aria-label={t("pickDay")}
        value={day}
        className="h-9"
        onChange={(event) => {
          if (event.target.value) router.push(`/appointments?day=${event.target.value}`);
        }}
      />
    </div>
  );
}
