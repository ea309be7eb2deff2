"use client";

import { useEffect } from "react";

/** Registers public/sw.js (offline page, Web Push) once the signed-in app has loaded. */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error: unknown) => console.error("[sw] registration failed", error));
  }, []);
  return null;
}
