"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DailyMessages } from "@/db/queries/reports";

const INBOUND = "#0ea5e9";
const OUTBOUND = "#4f46e5";

/** Messages in and out per day of the period. */
export function MessagesPerDayChart({ data }: { data: DailyMessages[] }) {
  const t = useTranslations("reports.columns");
  const format = useFormatter();
  const long = data.length > 14;
  const rows = data.map((row) => ({
    ...row,
    label: format.dateTime(new Date(`${row.day}T12:00:00Z`), long ? { day: "numeric", month: "short", timeZone: "UTC" } : { weekday: "short", day: "numeric", timeZone: "UTC" }),
  }));
  return (
    <div className="h-64 w-full" data-testid="chart-messages-per-day">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#64748b" }} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={8} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "#64748b" }} tickLine={false} axisLine={false} width={48} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar isAnimationActive={false} dataKey="inbound" name={t("inbound")} fill={INBOUND} radius={[3, 3, 0, 0]} />
          <Bar isAnimationActive={false} dataKey="outbound" name={t("outbound")} fill={OUTBOUND} radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** How many reviews gave 1 to 5 stars. */
export function ReviewsChart({ distribution }: { distribution: number[] }) {
  const t = useTranslations("reports");
  // Five stars on top, as review sites show them.
  const rows = distribution.map((count, i) => ({ label: t("charts.stars", { stars: i + 1 }), count })).reverse();
  return (
    <div className="h-56 w-full" data-testid="chart-reviews">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: "#64748b" }} tickLine={false} axisLine={false} />
          <YAxis type="category" dataKey="label" tick={{ fontSize: 11, fill: "#64748b" }} tickLine={false} axisLine={false} width={72} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Bar isAnimationActive={false} dataKey="count" name={t("cards.count")} fill="#f59e0b" radius={[0, 3, 3, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
