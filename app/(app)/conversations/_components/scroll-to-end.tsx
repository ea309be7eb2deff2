"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** The thread opens (and stays, as messages arrive) at its newest message; earlier messages loaded above leave it where it is. */
export function ScrollToEnd({ newestKey, children }: { newestKey: string; children: ReactNode }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [newestKey]);
  return (
    <div ref={container} className="min-h-0 flex-1 overflow-y-auto">
      {children}
    </div>
  );
}
