"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** The thread opens (and stays, as messages arrive) at its newest message. */
export function ScrollToEnd({ messageCount, children }: { messageCount: number; children: ReactNode }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [messageCount]);
  return (
    <div ref={container} className="min-h-0 flex-1 overflow-y-auto">
      {children}
    </div>
  );
}
