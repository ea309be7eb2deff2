import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { describeInvitation } from "@/lib/staff/invitations";
import { AcceptInvitationForm } from "./accept-invitation-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.accept"))("invalidTitle") };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("staff.accept");
  const invitation = await describeInvitation(await getDb(), token);
  if (invitation.state !== "usable") {
    return (
      <Card>
        <CardBody className="space-y-4 py-7">
          <h1 className="text-xl font-semibold text-slate-900">{t("invalidTitle")}</h1>
          <Alert tone="error">{t(invitation.state === "accepted" ? "used" : invitation.state)}</Alert>
          <Link href="/sign-in" className="text-sm font-medium text-brand-700 hover:text-brand-800">
            {t("goToSignIn")}
          </Link>
        </CardBody>
      </Card>
    );
  }
  return (
    <Card>
      <CardBody className="space-y-6 py-7">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold text-slate-900">{t("title", { company: invitation.companyName })}</h1>
          <p className="text-sm text-slate-600">
            {invitation.hasAccount
              ? t("introExisting", { email: invitation.email, company: invitation.companyName })
              : t("intro", { email: invitation.email })}
          </p>
        </div>
        <AcceptInvitationForm token={token} hasAccount={invitation.hasAccount} />
      </CardBody>
    </Card>
  );
}
