"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Listens to /api/events and refreshes the server-rendered page when something in the
 * company changed (a new message, a status, an assignment), without a reload.
 */
export function LiveRefresh() {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const source = new EventSource("/api/events");
    source.onmessage = (message: MessageEvent<string>) => {
      // Import progress arrives every batch; the import page draws it itself.
      if (message.data.includes('"type":"import.progress"')) return;
      // Bursts (bulk assignment) refresh once.
      clearTimeout(timer.current);
      timer.current = setTimeout(() => router.refresh(), 250);
    };
    return () => {
      clearTimeout(timer.current);
      source.close();
    };
  }, [router]);
  return null;
}
