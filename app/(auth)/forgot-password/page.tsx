import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, CardBody } from "@/components/ui/card";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  return (
    <Card>
      <CardBody className="space-y-6 py-7">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">{t("forgotTitle")}</h1>
          <p className="mt-1 text-sm text-slate-500">{t("forgotSubtitle")}</p>
        </div>
        <ForgotPasswordForm />
      </CardBody>
    </Card>
  );
}
