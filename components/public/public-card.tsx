import type { ReactNode } from "react";

/** The frame of the pages customers open from a text: mobile first, the company's name on top. */
export function PublicCard({ company, children }: { company: string; children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col px-4 py-8">
      <p className="mb-6 text-center text-lg font-semibold text-slate-900">{company}</p>
      <div className="rounded-2xl bg-white px-6 py-8 text-center shadow-sm ring-1 ring-slate-200">{children}</div>
      <p className="mt-6 text-center text-xs text-slate-400">Parley</p>
    </main>
  );
}
