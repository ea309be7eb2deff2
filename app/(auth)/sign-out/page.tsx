import type { Metadata } from "next";
import { LogOut } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { signOutAction } from "@/lib/auth/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signOutTitle") };
}

export default async function SignOutPage() {
  const t = await getTranslations("auth");
  return (
    <Card>
      <CardBody className="space-y-6 py-7">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">{t("signOutTitle")}</h1>
          <p className="mt-1 text-sm text-slate-500">{t("signOutSubtitle")}</p>
        </div>
        <form action={signOutAction} className="flex gap-3">
          <Button type="submit" className="flex-1">
            <LogOut className="h-4 w-4" aria-hidden />
            {t("signOutButton")}
          </Button>
          <Button variant="secondary" asChild>
            <Link href="/conversations">{t("cancel")}</Link>
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
