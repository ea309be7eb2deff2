"use client";

import { useTranslations } from "next-intl";
import { GRANTABLE_PERMISSIONS, type MemberPermissions } from "@/lib/auth/permissions";

/** The per-agent ticks; an administrator has them all, so they are shown ticked and locked. */
export function PermissionCheckboxes({ admin, initial }: { admin: boolean; initial: MemberPermissions }) {
  const t = useTranslations("staff");
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-slate-700">{t("permissionsLegend")}</legend>
      {admin ? <p className="mb-2 text-sm text-slate-500">{t("adminHasAll")}</p> : null}
      <div className="grid gap-1 sm:grid-cols-2">
        {GRANTABLE_PERMISSIONS.map((permission) => (
          <label key={permission} className="flex items-center gap-2.5 rounded-lg px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
            <input
              type="checkbox"
              name="permissions"
              value={permission}
              defaultChecked={admin || initial[permission] === true}
              disabled={admin}
              className="h-4 w-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500"
            />
            {t(`permissions.${permission}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
