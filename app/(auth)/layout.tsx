import type { ReactNode } from "react";
import { Logo } from "@/components/shell/logo";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { PublicLanguageSwitch } from "./public-language-switch";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces="all">
      <main className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-10">
        <div className="w-full max-w-sm">
          <div className="mb-8 flex items-center justify-between">
            <Logo />
            <PublicLanguageSwitch />
          </div>
          {children}
        </div>
      </main>
    </ClientMessages>
  );
}
