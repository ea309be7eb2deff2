"use client";

import { ArrowLeft, CheckCircle2, Clock, FileDown, Loader2, MoreVertical, RotateCcw, UserPlus, Users } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition, type ReactNode } from "react";
import { assign, setStatus } from "@/lib/conversations/actions";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { useErrorText } from "@/components/ui/use-error-text";
import { AssigneeMenuContent, type People } from "./assignee-menu";
import { ExportConversation } from "./export-dialog";

export function ConversationHeader({
  conversationId,
  status,
  customerName,
  customerPhone,
  assignee,
  people,
  backHref,
  panelButton,
  canExport,
}: {
  conversationId: string;
  status: "open" | "closed";
  customerName: string;
  customerPhone: string;
  assignee: { value: string | null; name: string | null; away: boolean; team: boolean };
  people: People;
  backHref: string;
  panelButton: ReactNode;
  canExport: boolean;
}) {
  const t = useTranslations("inbox");
  const tExport = useTranslations("conversationExport");
  const [exporting, setExporting] = useState(false);
  const errorText = useErrorText();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();

  const run = (action: () => Promise<{ ok: boolean; error?: string }>) =>
    startTransition(async () => {
      const result = await action();
      if (!result.ok) return setError(errorText(result.error));
      setError(undefined);
      router.refresh();
    });
  const toggleStatus = () => run(() => setStatus({ conversationId, status: status === "open" ? "closed" : "open" }));

  // e closes (or reopens) the open conversation.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== "e" || event.metaKey || event.ctrlKey || target.closest("input, textarea, select, [contenteditable=true], [role=menu], [role=dialog]")) return;
      event.preventDefault();
      toggleStatus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <div className="border-b border-slate-200 bg-white px-3 py-2.5 sm:px-4">
      <div className="flex items-center gap-1.5 sm:gap-2.5">
        <Link href={backHref} className="-ml-1 rounded-lg p-1.5 text-slate-500 hover:bg-slate-100 lg:hidden" aria-label={t("back")}>
          <ArrowLeft className="h-5 w-5" aria-hidden />
        </Link>
        {/* On a phone the name needs the room more than the avatar does. */}
        <span className="hidden shrink-0 sm:block">
          <Avatar name={customerName} />
        </span>
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-base font-semibold text-slate-900" data-testid="thread-title">
            {customerName}
          </h2>
          <p className="truncate text-xs text-slate-500">{customerPhone}</p>
        </div>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="secondary" size="sm" disabled={pending} data-testid="assign-menu" className="max-w-64" title={assignee.name ?? t("unassigned")} aria-label={t("assignTo", { name: assignee.name ?? t("unassigned") })}>
              {assignee.team ? <Users className="h-4 w-4" aria-hidden /> : <UserPlus className="h-4 w-4" aria-hidden />}
              <span className={`hidden truncate sm:inline ${assignee.away ? "text-amber-700" : ""}`} data-testid="assignee-name">{assignee.name ?? t("unassigned")}</span>
              {assignee.away ? <Clock className="h-3.5 w-3.5 text-amber-600" aria-label={t("away")} /> : null}
            </Button>
          </DropdownMenuTrigger>
          <AssigneeMenuContent people={people} current={assignee.value} onPick={(to) => run(() => assign({ to, conversationIds: [conversationId] }))} />
        </DropdownMenu>
        <Button variant={status === "open" ? "secondary" : "primary"} size="sm" onClick={toggleStatus} disabled={pending} data-testid="toggle-status" aria-keyshortcuts="e">
          {pending ? <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> : status === "open" ? <CheckCircle2 className="h-4 w-4" aria-hidden /> : <RotateCcw className="h-4 w-4" aria-hidden />}
          <span className="hidden sm:inline">{status === "open" ? t("close") : t("reopen")}</span>
        </Button>
        {canExport ? (
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="ghost" size="sm" aria-label={tExport("more")} title={tExport("more")} data-testid="conversation-menu">
                <MoreVertical className="h-4 w-4" aria-hidden />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent>
              <DropdownMenuItem onSelect={() => setExporting(true)} data-testid="export-pdf">
                <FileDown className="h-4 w-4" aria-hidden />
                {tExport("menu")}
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        ) : null}
        {panelButton}
      </div>
      {canExport ? <ExportConversation key={conversationId} conversationId={conversationId} open={exporting} onOpenChange={setExporting} /> : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
