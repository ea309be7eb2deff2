import { getTranslations } from "next-intl/server";
import { TabNav } from "@/components/ui/tab-nav";

/** Customers' sub-navigation: the directory and its saved audiences (groups). */
export async function CustomersTabs({ active }: { active: "customers" | "groups" }) {
  const t = await getTranslations("groups.tabs");
  const tabs = (["customers", "groups"] as const).map((key) => ({
    href: key === "customers" ? "/customers" : "/customers/groups",
    label: t(key),
    active: active === key,
    testId: `customers-tab-${key}`,
  }));
  return <TabNav label={t("label")} tabs={tabs} />;
}
