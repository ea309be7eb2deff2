import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { isResetTokenUsable } from "@/lib/auth/password-reset";
import { ResetPasswordForm } from "./reset-password-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("resetTitle") };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth");
  const usable = await isResetTokenUsable(await getDb(), token);
  return (
    <Card>
      <CardBody className="space-y-6 py-7">
        <h1 className="text-xl font-semibold text-slate-900">{t("resetTitle")}</h1>
        {usable ? (
          <ResetPasswordForm token={token} />
        ) : (
          <div className="space-y-4">
            <Alert tone="error">{t("resetLinkInvalid")}</Alert>
            <Link href="/forgot-password" className="text-sm font-medium text-brand-700 hover:text-brand-800">
              {t("requestNewLink")}
            </Link>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
