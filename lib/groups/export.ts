import { attributeDefinitions } from "@/db/queries/attributes";
import { csvDocument } from "@/lib/http/csv";
import { findGroup, groupExportRows, type GroupExportRow } from "@/db/queries/groups";
import type { Locale } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/action";
import { NotFoundError } from "@/lib/actions/errors";
import { throwIfNoPermission } from "@/lib/auth/permissions";
import { translatorFor } from "@/lib/i18n/translator";
import { groupIdSchema } from "./validation";

type Column = { label: string; key: string };

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * The group's customers as CSV: contact columns then the company's customer attributes,
 * headers in the reader's language; formulas in values are neutralised, and the BOM lets
 * Excel read it as UTF-8.
 */
function groupCsv(rows: GroupExportRow[], attributes: Column[], locale: Locale): string {
  const t = translatorFor(locale);
  const header = [t("customers.fields.firstName"), t("customers.fields.lastName"), t("customers.fields.mobile"), t("customers.fields.email"), t("customers.fields.language"), ...attributes.map((a) => a.label)];
  const lines = rows.map((row) => [row.firstName, row.lastName, row.mobile ?? "", row.email ?? "", row.language, ...attributes.map((a) => cell(row.attributes[a.key]))]);
  return csvDocument([header, ...lines]);
}

/** One of the signed-in company's groups as CSV; any other id is a NotFoundError. */
export async function exportGroupCsv({ db, companyId, role, permissions }: ActionContext, rawGroupId: unknown, locale: Locale) {
  throwIfNoPermission({ role, permissions }, "manageGroups");
  const parsed = groupIdSchema.safeParse({ groupId: rawGroupId });
  if (!parsed.success) throw new NotFoundError();
  const group = await findGroup(db, { companyId, groupId: parsed.data.groupId });
  if (!group) throw new NotFoundError();
  const [rows, definitions] = await Promise.all([groupExportRows(db, { companyId, groupId: group.id }), attributeDefinitions(db, { companyId, category: "customer" })]);
  const fileName = `${group.name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^\w.-]+/g, "_") || "group"}.csv`;
  return { fileName, csv: groupCsv(rows, definitions.map((d) => ({ label: d.label, key: d.key })), locale), count: rows.length };
}
