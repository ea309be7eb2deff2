import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, CardBody } from "@/components/ui/card";
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_PASSWORD } from "@/db/seed/demo-logins";
import { env } from "@/lib/env";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; reset?: string }> }) {
  const t = await getTranslations("auth");
  const { callbackUrl, reset } = await searchParams;
  return (
    <div className="space-y-6">
      <Card>
        <CardBody className="space-y-6 py-7">
          <div>
            <h1 className="text-xl font-semibold text-slate-900">{t("signInTitle")}</h1>
            <p className="mt-1 text-sm text-slate-500">{t("signInSubtitle")}</p>
          </div>
          <SignInForm callbackUrl={callbackUrl} passwordWasReset={reset === "1"} />
        </CardBody>
      </Card>
      {env().embedded ? (
        <div className="rounded-xl border border-dashed border-brand-300 bg-white/70 px-4 py-3 text-sm text-slate-600" data-testid="demo-logins">
          <p className="font-medium text-slate-800">{t("demoTitle")}</p>
          <ul className="mt-1.5 space-y-0.5">
            <li>
              <code className="text-brand-700">{DEMO_ADMIN_EMAIL}</code> · {t("demoAdmin")}
            </li>
            <li>
              <code className="text-brand-700">{DEMO_AGENT_EMAIL}</code> · {t("demoAgent")}
            </li>
          </ul>
          <p className="mt-1.5">
            {t("demoPassword")} <code className="text-brand-700">{DEMO_PASSWORD}</code>
          </p>
        </div>
      ) : null}
    </div>
  );
}
