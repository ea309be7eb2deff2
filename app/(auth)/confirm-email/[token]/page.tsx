import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { findEmailChange } from "@/lib/users/profile";
import { ConfirmEmailForm } from "./confirm-email-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("confirmTitle") };
}

/** Opening the link changes nothing (mail scanners open links): the button does. */
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("profile");
  const change = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await findEmailChange(await getDb(), token) : undefined;
  return (
    <Card>
      <CardBody className="space-y-6 py-7">
        <h1 className="text-xl font-semibold text-slate-900">{t("confirmTitle")}</h1>
        {change ? (
          <ConfirmEmailForm token={token} email={change.newEmail} />
        ) : (
          <div className="space-y-4">
            <Alert tone="error">{t("emailLinkInvalid")}</Alert>
            <Link href="/settings" className="text-sm font-medium text-brand-700 hover:text-brand-800">
              {t("toSettings")}
            </Link>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
