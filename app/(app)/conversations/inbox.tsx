import { MessagesSquare } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { People } from "./_components/assignee-menu";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { Composer, type ComposerContext } from "./_components/composer/composer";
import { ScheduledBanner } from "./_components/scheduled-banner";
import { ConversationHeader } from "./_components/conversation-header";
import { ConversationList, type ListRow } from "./_components/conversation-list";
import { CustomerPanel } from "./_components/customer-panel";
import { inboxHref } from "./_components/inbox-href";
import { PanelButton } from "./_components/responsive-panel";
import { ScrollToEnd } from "./_components/scroll-to-end";
import { InboxShortcuts } from "./_components/shortcuts";
import { ThreadView } from "./_components/thread-view";
import { consentHistory, openOptOutFlags } from "@/lib/compliance/consent";
import { optOutCause, type OptOutCause } from "@/lib/compliance/opt-out-cause";
import { cn } from "@/components/ui/cn";
import { customerPanel } from "@/db/queries/customers";
import { getConversationDetail, listAssignmentHistory, listAttachmentsOf, listInbox, listPaymentRequestsOf, listThreadMessages, listThreadNotes, teamIdsOf } from "@/db/queries/inbox";
import { listCompanyUsers, listTeams } from "@/db/queries/users";
import { requireSession } from "@/lib/auth/session";
import { customerName } from "@/lib/customers/display";
import { can } from "@/lib/auth/permissions";
import { openConversation, unreadCountOnOpening } from "@/lib/conversations/read";
import { inboxFilterFromParams, THREAD_PAGE, threadLengthFromParams } from "@/lib/conversations/validation";
import { defaultAiClient } from "@/lib/ai/client";
import { translatorFor } from "@/lib/i18n/translator";
import { stripeOrNull } from "@/lib/payments/stripe";
import { signatureLine } from "@/lib/messaging/send";
import { sendRefusal } from "@/lib/messaging/sendability";
import { canEditSavedReplies } from "@/lib/saved-replies/editors";
import { listScheduledInBanner } from "@/db/queries/scheduling";
import { pickerAttributes } from "@/lib/templates/picker";
import { templateValues } from "@/lib/templates/context";
import { utcToZonedLocal } from "@/lib/time";
import { formatPhone } from "@/lib/phone";

type SearchParams = Record<string, string | string[] | undefined>;

/** The composer's "cannot send" key: an opt-out says whether the customer texted STOP or staff unsubscribed them. */
function refusalText(reason: ReturnType<typeof sendRefusal>, optedOutBy: OptOutCause) {
  return reason === "opted_out" && optedOutBy.by === "staff" ? "opted_out_by_staff" : reason;
}

function rawFilter(params: SearchParams) {
  const filter = inboxFilterFromParams(params);
  const view = filter.view.kind === "mine" || filter.view.kind === "all" ? filter.view.kind : `${filter.view.kind}:${filter.view.id}`;
  return { parsed: filter, raw: { view, status: filter.status, flags: filter.flags } };
}

/** This conversation's page, its inbox filter kept, showing the newest `messages` messages. */
function threadHref(conversationId: string, params: SearchParams, messages: number) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (name !== "messages" && typeof value === "string") query.set(name, value);
  query.set("messages", String(messages));
  return `/conversations/${conversationId}?${query}`;
}

/** What the thread ends with: the view scrolls to the end when it changes, not when earlier messages are added above. */
function newestKey(messages: { message: { id: string } }[], notes: { note: { id: string } }[]) {
  return `${messages.at(-1)?.message.id ?? ""}:${notes.length}`;
}

/** The team inbox: list | thread with composer | customer panel; one pane at a time on a phone. */
export async function Inbox({ searchParams, conversationId }: { searchParams: SearchParams; conversationId?: string }) {
  const session = await requireSession();
  const { db, companyId, userId, company, role, permissions } = session;
  const t = await getTranslations("inbox");
  const { parsed, raw } = rawFilter(searchParams);

  const detail = conversationId ? await openConversation(db, { companyId, userId, conversationId }) : undefined;
  if (conversationId && !detail) notFound();

  const [page, unreadCount, users, teams, myTeams] = await Promise.all([
    listInbox(db, { companyId, userId, filter: parsed }),
    unreadCountOnOpening(db, companyId, userId, conversationId),
    listCompanyUsers(db, { companyId }),
    listTeams(db, { companyId }),
    teamIdsOf(db, { companyId, userId }),
  ]);
  const people = {
    users: users.map((u) => ({ id: u.id, name: u.name, away: u.awayEnabled, photoUrl: u.photoUrl })),
    teams: teams.map((team) => ({ id: team.id, name: team.name })),
  };
  const rows: ListRow[] = page.rows.map((row) => ({
    ...row,
    lastActivityAt: row.lastActivityAt.toISOString(),
    lastInboundAt: row.lastInboundAt?.toISOString() ?? null,
  }));

  return (
    <div className="flex h-[calc(100dvh-4rem)] min-h-0 bg-white">
      <InboxShortcuts />
      <section className={cn("w-full shrink-0 border-r border-slate-200 lg:flex lg:w-[22rem] xl:w-[27rem]", detail ? "hidden" : "flex", "flex-col")}>
        <ConversationList
          rows={rows}
          nextCursor={page.nextCursor}
          filter={raw}
          selectedId={conversationId}
          me={{ id: userId, teamIds: myTeams, seesReadState: can({ role, permissions }, "seeReadState") }}
          people={people}
          unansweredAfterHours={company.unansweredAfterHours}
          unreadCount={unreadCount}
        />
      </section>
      {detail ? (
        <ConversationPane detail={detail} backHref={inboxHref(raw)} people={people} session={session} searchParams={searchParams} />
      ) : (
        <section className="hidden flex-1 flex-col items-center justify-center bg-slate-50 text-center lg:flex">
          <MessagesSquare className="mb-3 h-10 w-10 text-slate-300" aria-hidden />
          <p className="text-sm font-medium text-slate-700">{t("pickTitle")}</p>
          <p className="mt-1 text-sm text-slate-500">{t("pickDescription")}</p>
        </section>
      )}
    </div>
  );
}

async function ConversationPane({
  detail,
  backHref,
  people,
  session,
  searchParams,
}: {
  detail: NonNullable<Awaited<ReturnType<typeof getConversationDetail>>>;
  backHref: string;
  people: People;
  session: Awaited<ReturnType<typeof requireSession>>;
  searchParams: SearchParams;
}) {
  const { conversation, customer } = detail;
  const { db, companyId, company, user, userId, role, permissions } = session;
  const shown = threadLengthFromParams(searchParams);
  const [thread, allAssignments, allNotes, panel, scheduled, attributes, canEdit, payments, optOutFlags, consent] = await Promise.all([
    listThreadMessages(db, { companyId, conversationId: conversation.id, limit: shown }),
    listAssignmentHistory(db, { companyId, conversationId: conversation.id }),
    listThreadNotes(db, { companyId, conversationId: conversation.id }),
    customerPanel(db, { companyId, customerId: customer.id }),
    listScheduledInBanner(db, { companyId, customerId: customer.id }),
    pickerAttributes(db, companyId),
    canEditSavedReplies({ db, companyId, role, permissions, company }),
    listPaymentRequestsOf(db, { companyId, customerId: customer.id }),
    openOptOutFlags(db, { companyId, conversationId: conversation.id }),
    // Only an opted-out customer's badge needs to know who opted them out.
    customer.optedOutAt ? consentHistory(db, { companyId, customerId: customer.id }) : [],
  ]);
  const optedOutBy = optOutCause(consent);
  const messages = thread.rows;
  // Notes and assignment lines older than the oldest message shown wait for "Load earlier messages" too.
  const since = thread.hasEarlier ? messages[0]!.message.createdAt.getTime() : -Infinity;
  const notes = allNotes.filter((row) => row.note.createdAt.getTime() >= since);
  const assignments = allAssignments.filter((row) => row.createdAt.getTime() >= since);
  const earlierHref = thread.hasEarlier ? threadHref(conversation.id, searchParams, shown + THREAD_PAGE) : null;
  const files = await listAttachmentsOf(db, { companyId, messageIds: messages.map((m) => m.message.id), noteIds: notes.map((n) => n.note.id) });
  const name = customerName(customer);
  const assigneeUser = people.users.find((u) => u.id === conversation.assigneeUserId);
  const assigneeTeam = people.teams.find((team) => team.id === conversation.assigneeTeamId);
  const panelContent = <CustomerPanel customer={customer} data={panel} currency={company.currency} optedOutBy={optedOutBy} />;
  const values = templateValues({ locale: customer.language, timeZone: company.timezone, customer, company, user, attributeTypes: Object.fromEntries(attributes.map((entry) => [entry.path, entry.type])) });
  const composer: ComposerContext = {
    conversationId: conversation.id,
    blockedReason: refusalText(sendRefusal(customer, company, "general", new Date()), optedOutBy),
    attributes,
    previewValues: Object.fromEntries(attributes.map((entry) => [entry.path, String(values(entry.path) ?? "")])),
    signature: signatureLine(user),
    appUrl: env().APP_URL,
    mentionables: [
      ...people.users.filter((u) => u.id !== userId).map((u) => ({ id: `user:${u.id}`, label: u.name, kind: "user" as const })),
      ...people.teams.map((team) => ({ id: `team:${team.id}`, label: team.name, kind: "team" as const })),
    ],
    aiEnabled: defaultAiClient() !== null,
    canEditSavedReplies: canEdit,
    timeZone: company.timezone,
    paymentsEnabled: stripeOrNull() !== null,
    currency: company.currency,
    // Raw: these texts hold attribute tokens ("{ customer.first_name }") for the editor, not ICU arguments.
    paymentText: String(translatorFor(customer.language).raw("payments.requestText")),
    reviewText: String(translatorFor(customer.language).raw("reviews.requestText")),
  };
  return (
    <>
      <section className="flex min-w-0 flex-1 flex-col bg-slate-50">
        <ConversationHeader
          conversationId={conversation.id}
          status={conversation.status}
          customerName={name}
          // A customer without a name is already titled by their number: not twice.
          customerPhone={customer.mobile && name !== formatPhone(customer.mobile) ? formatPhone(customer.mobile) : ""}
          assignee={{
            value: assigneeUser ? `user:${assigneeUser.id}` : assigneeTeam ? `team:${assigneeTeam.id}` : null,
            name: assigneeUser?.name ?? assigneeTeam?.name ?? null,
            away: assigneeUser?.away ?? false,
            team: Boolean(assigneeTeam),
          }}
          people={people}
          backHref={backHref}
          panelButton={<PanelButton title={name}>{panelContent}</PanelButton>}
          canExport={can({ role, permissions }, "exportConversations")}
        />
        <ScheduledBanner
          scheduled={scheduled.map((item) => ({
            id: item.id,
            body: item.body,
            sendAt: item.sendAt.toISOString(),
            sendAtLocal: utcToZonedLocal(item.sendAt, company.timezone),
            kind: item.kind,
            status: item.status === "failed" ? ("failed" as const) : ("pending" as const),
            failureReason: item.failureReason,
            payment: item.kind === "payment_request" ? { amountCents: item.amountCents ?? 0, currency: item.currency ?? company.currency, reference: item.reference ?? "" } : null,
          }))}
          attributes={attributes}
          previewValues={composer.previewValues}
        />
        <ScrollToEnd newestKey={newestKey(messages, notes)}>
          <ThreadView earlierHref={earlierHref} messages={messages} assignments={assignments} notes={notes} files={files} payments={payments} optOutFlags={optOutFlags} customerId={customer.id} viewer={{ userId, canDeleteOthersNotes: can({ role, permissions }, "deleteOthersNotes") }} />
        </ScrollToEnd>
        <Composer context={composer} />
      </section>
      <aside className="hidden w-80 shrink-0 overflow-y-auto border-l border-slate-200 bg-white px-5 py-5 2xl:block">{panelContent}</aside>
    </>
  );
}
