"use client";

import { BellOff, BellRing, Smartphone, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { removePushDevice, savePushDevice } from "@/lib/push/actions";

export type PushDevice = { id: string; endpoint: string; label: string | null; createdAt: string; lastSuccessAt: string | null };

/** What this browser can do: decided after mount (the server cannot know). */
type DeviceState = "checking" | "unsupported" | "ios-install" | "blocked" | "off" | "on";

/** "This device": turn Web Push on or off here, and the user's other devices (USER-5). */
export function PushDevices({ vapidPublicKey, devices }: { vapidPublicKey: string; devices: PushDevice[] }) {
  const t = useTranslations("push");
  const format = useFormatter();
  const router = useRouter();
  const action = useAction();
  const [state, setState] = useState<DeviceState>("checking");
  const [endpoint, setEndpoint] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const thisDevice = devices.find((device) => device.endpoint === endpoint);

  useEffect(() => {
    let cancelled = false;
    void currentState().then(({ state: next, endpoint: current }) => {
      if (cancelled) return;
      setState(next);
      setEndpoint(current);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  async function enable() {
    setWorking(true);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") return setState(permission === "denied" ? "blocked" : "off");
      const registration = await navigator.serviceWorker.ready;
      const applicationServerKey = base64UrlToBytes(vapidPublicKey);
      let subscription = await registration.pushManager.getSubscription();
      // Made for another server key (the keys were changed): it cannot receive our pushes.
      if (subscription && !sameBytes(subscription.options.applicationServerKey, applicationServerKey)) {
        await subscription.unsubscribe();
        subscription = null;
      }
      subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey });
      const json = subscription.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
      action.run(
        () => savePushDevice({ endpoint: json.endpoint, keys: json.keys, userAgent: navigator.userAgent }),
        () => {
          setEndpoint(json.endpoint);
          setState("on");
          router.refresh();
        },
      );
    } catch (error) {
      console.error("[push] could not subscribe", error);
      setState(Notification.permission === "denied" ? "blocked" : "off");
    } finally {
      setWorking(false);
    }
  }

  function remove(device: PushDevice) {
    action.run(
      () => removePushDevice({ id: device.id }),
      () => {
        if (device.endpoint === endpoint) {
          void navigator.serviceWorker.ready.then((registration) => registration.pushManager.getSubscription()).then((subscription) => subscription?.unsubscribe());
          setState("off");
        }
        router.refresh();
      },
    );
  }

  return (
    <div className="space-y-5" data-testid="push-devices">
      {action.error ? <Alert tone="error">{action.error}</Alert> : null}
      <div className="flex flex-col gap-3 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex min-w-0 items-start gap-3">
          {state === "on" && thisDevice ? <BellRing className="mt-0.5 h-5 w-5 shrink-0 text-brand-600" aria-hidden /> : <BellOff className="mt-0.5 h-5 w-5 shrink-0 text-slate-500" aria-hidden />}
          <div className="min-w-0">
            <p className="text-sm font-medium text-slate-900" data-testid="push-state" data-state={state === "on" && !thisDevice ? "off" : state}>
              {t(`state.${state === "on" && !thisDevice ? "off" : state}`)}
            </p>
            <p className="text-sm text-slate-600">{t(`hint.${state === "on" && !thisDevice ? "off" : state}`)}</p>
          </div>
        </div>
        {state === "off" || (state === "on" && !thisDevice) ? (
          <Button onClick={enable} pending={working || action.pending} icon={<BellRing className="h-4 w-4" aria-hidden />}>
            {t("enable")}
          </Button>
        ) : state === "on" && thisDevice ? (
          <Button variant="secondary" onClick={() => remove(thisDevice)} pending={action.pending}>
            {t("disable")}
          </Button>
        ) : null}
      </div>

      <div>
        <h3 className="mb-2 text-sm font-medium text-slate-700">{t("devicesTitle")}</h3>
        {devices.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="push-devices-empty">
            {t("devicesEmpty")}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl ring-1 ring-slate-200" data-testid="push-device-list">
            {devices.map((device) => (
              <li key={device.id} className="flex items-center gap-3 px-4 py-3" data-testid="push-device">
                <Smartphone className="h-5 w-5 shrink-0 text-slate-500" aria-hidden />
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                    <span className="truncate">{device.label ?? t("unknownDevice")}</span>
                    {device.endpoint === endpoint ? <Badge tone="brand">{t("thisDevice")}</Badge> : null}
                  </p>
                  <p className="text-xs text-slate-500">
                    {t("addedOn", { date: format.dateTime(new Date(device.createdAt), { dateStyle: "medium" }) })}
                    {device.lastSuccessAt ? ` · ${t("lastPush", { date: format.dateTime(new Date(device.lastSuccessAt), { dateStyle: "medium", timeStyle: "short" }) })}` : null}
                  </p>
                </div>
                <Button variant="ghost" size="icon" aria-label={t("remove", { device: device.label ?? t("unknownDevice") })} onClick={() => remove(device)} disabled={action.pending}>
                  <Trash2 className="h-4 w-4" aria-hidden />
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

async function currentState(): Promise<{ state: DeviceState; endpoint: string | null }> {
  const supported = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
  if (!supported) {
    // iOS Safari offers push only to a web app added to the home screen (iOS 16.4+).
    const ios = /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);
    const standalone = window.matchMedia("(display-mode: standalone)").matches || (navigator as { standalone?: boolean }).standalone === true;
    return { state: ios && !standalone ? "ios-install" : "unsupported", endpoint: null };
  }
  if (Notification.permission === "denied") return { state: "blocked", endpoint: null };
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = registration ? await registration.pushManager.getSubscription() : null;
  return { state: subscription && Notification.permission === "granted" ? "on" : "off", endpoint: subscription?.endpoint ?? null };
}

function base64UrlToBytes(value: string) {
  const base64 = (value + "=".repeat((4 - (value.length % 4)) % 4)).replaceAll("-", "+").replaceAll("_", "/");
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

function sameBytes(buffer: ArrayBuffer | null, bytes: Uint8Array) {
  if (!buffer) return false;
  const other = new Uint8Array(buffer);
  return other.length === bytes.length && other.every((byte, index) => byte === bytes[index]);
}
