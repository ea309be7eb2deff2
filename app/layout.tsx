import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: "Parley", template: "%s · Parley" },
    description: t("tagline"),
    applicationName: "Parley",
    icons: { icon: "/icon.svg", apple: "/icons/apple-touch-icon.png" },
    // iOS: opened from the home screen, Parley runs as an app (and may receive Web Push, iOS 16.4+).
    appleWebApp: { capable: true, title: "Parley", statusBarStyle: "default" },
    formatDetection: { telephone: false },
    other: { "apple-mobile-web-app-capable": "yes" },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#2552eb",
};

export default async function RootLayout({
  children,
}: {
  children: ReactNode;
}) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh font-sans">
        {/* Locale and time zone only: each route segment sends the messages its client components read (lib/i18n/client-messages.tsx). */}
        <NextIntlClientProvider messages={{}}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
