"use client";

import { Check, Clock, Languages, LogOut, Settings } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Avatar } from "@/components/ui/avatar";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { signOutAction } from "@/lib/auth/actions";
import type { MemberPermissions } from "@/lib/auth/permissions";
import { setLanguage } from "@/lib/users/actions";

export type ShellUser = {
  name: string;
  email: string;
  role: "admin" | "agent";
  permissions: MemberPermissions;
  language: "fr" | "en";
  photoUrl: string | null;
  awayEnabled: boolean;
  awayUntil: string | null;
};

export function UserMenu({ user }: { user: ShellUser }) {
  const t = useTranslations("userMenu");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const switchTo = (language: "fr" | "en") =>
    startTransition(async () => {
      await setLanguage({ language });
      router.refresh();
    });
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex items-center gap-2.5 rounded-lg p-1 text-left hover:bg-slate-100 sm:pr-2.5"
        aria-label={t("open")}
        data-testid="user-menu"
      >
        <Avatar name={user.name} src={user.photoUrl} size="sm" />
        <span className="hidden min-w-0 sm:block">
          <span className={cn("flex items-center gap-1 truncate text-sm font-medium", user.awayEnabled ? "text-amber-600" : "text-slate-800")}>
            {user.name}
            {user.awayEnabled ? <Clock className="h-3.5 w-3.5" aria-label={t("away")} /> : null}
          </span>
          <span className="block truncate text-xs text-slate-500">{t(`role.${user.role}`)}</span>
        </span>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>{user.email}</DropdownMenuLabel>
        <DropdownMenuItem asChild>
          <Link href="/settings">
            <Settings className="h-4 w-4" aria-hidden />
            {t("settings")}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuLabel className="flex items-center gap-1.5">
          <Languages className="h-3.5 w-3.5" aria-hidden />
          {t("language")}
        </DropdownMenuLabel>
        {(["fr", "en"] as const).map((language) => (
          <DropdownMenuItem key={language} disabled={pending} onSelect={() => switchTo(language)} data-testid={`language-${language}`}>
            <Check className={cn("h-4 w-4", user.language === language ? "text-brand-600" : "invisible")} aria-hidden />
            {language === "fr" ? "Français" : "English"}
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => startTransition(() => signOutAction())} data-testid="sign-out">
          <LogOut className="h-4 w-4" aria-hidden />
          {t("signOut")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
