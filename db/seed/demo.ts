import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { customerSearchText } from "@/lib/customers/search-text";
import { countSegments } from "@/lib/messaging/segments";
import { listAutomationResults } from "@/db/queries/automation-results";
import { runAutomation } from "@/lib/automations/run";
import { drainSettled } from "@/lib/background/drain";
import { receiveSms } from "@/lib/messaging/inbound/process";
import { localSmsProvider } from "@/lib/messaging/sms/local";
import {
  APPOINTMENT_TYPES,
  AREA_CODES,
  FIRST_NAMES_EN,
  FIRST_NAMES_FR,
  LAST_NAMES,
  PROFILE_NOTES,
  REVIEW_COMMENTS,
  SAVED_REPLIES,
  THREADS_EN,
  THREADS_FR,
  VEHICLES,
  type ThreadLine,
} from "./data";

import { nameParts } from "@/lib/users/names";
import { DEMO_ADMIN_EMAIL, DEMO_AGENT_EMAIL, DEMO_PASSWORD, DEMO_SENDER_NUMBER } from "./demo-logins";

/** Deterministic pseudo-random numbers so every fresh demo looks the same. */
function randomGenerator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, pick, int };
}

export async function isDatabaseEmpty(db: Db) {
  const [row] = await db.select({ value: count() }).from(s.companies);
  return (row?.value ?? 0) === 0;
}

/** Loads the demo dealership. Returns the ids tests and the README refer to. */
export async function seedDemoData(db: Db, now = new Date()) {
  const random = randomGenerator(20261123);
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const seeded = await db.transaction(async (tx) => {
    const [company] = await tx
      .insert(s.companies)
      .values({
        name: "Beaulieu Automobiles",
        timezone: "America/Toronto",
        locale: "fr",
        currency: "CAD",
        senderNumber: DEMO_SENDER_NUMBER,
        unansweredAfterHours: 4,
        helpText:
          "Beaulieu Automobiles : 514 555-0100, lun-ven 7 h 30-18 h. Répondez STOP pour vous désabonner. / Reply STOP to unsubscribe.",
        reviewLinks: [{ label: "Google", url: "https://g.page/r/beaulieu-automobiles/review" }],
      })
      .returning();
    const companyId = company!.id;

    const people = [
      { email: DEMO_ADMIN_EMAIL, name: "Marie-Claude Tremblay", language: "fr", jobTitle: "Directrice du service", role: "admin" },
      { email: DEMO_AGENT_EMAIL, name: "Alex Martin", language: "en", jobTitle: "Service advisor", role: "agent" },
      { email: "jf@parley.test", name: "Jean-François Gagnon", language: "fr", jobTitle: "Conseiller technique", role: "agent" },
      { email: "sophie@parley.test", name: "Sophie Lavoie", language: "fr", jobTitle: "Conseillère aux ventes", role: "agent" },
    ] as const;
    const insertedUsers = await tx
      .insert(s.users)
      .values(people.map((p) => ({ email: p.email, name: p.name, ...nameParts(p.name), language: p.language, jobTitle: p.jobTitle, passwordHash })))
      .returning();
    const userByEmail = new Map(insertedUsers.map((u) => [u.email, u]));
    const userId = (email: string) => userByEmail.get(email)!.id;
    await tx.insert(s.memberships).values(
      people.map((p) => ({ companyId, userId: userId(p.email), role: p.role, externalId: `EMP-${100 + people.indexOf(p)}` })),
    );
    const admin = userId(DEMO_ADMIN_EMAIL);
    const alex = userId(DEMO_AGENT_EMAIL);
    const jf = userId("jf@parley.test");
    const sophie = userId("sophie@parley.test");
    // Jean-François is on vacation; Alex covers for him.
    await tx
      .update(s.users)
      .set({ awayEnabled: true, awayUntil: new Date(now.getTime() + 3 * 86_400_000), awayDelegateUserId: alex })
      .where(eq(s.users.id, jf));

    const [service, sales] = await tx
      .insert(s.teams)
      .values([
        { companyId, name: "Service" },
        { companyId, name: "Ventes" },
      ])
      .returning();
    await tx.insert(s.teamMembers).values([
      { companyId, teamId: service!.id, userId: alex },
      { companyId, teamId: service!.id, userId: jf },
      { companyId, teamId: sales!.id, userId: sophie },
      { companyId, teamId: sales!.id, userId: admin },
    ]);
    await tx.update(s.companies).set({ defaultAssigneeTeamId: service!.id }).where(eq(s.companies.id, companyId));

    await tx.insert(s.customAttributeDefinitions).values([
      { companyId, category: "customer", key: "vehicle_make", label: "Marque du véhicule", type: "string" },
      { companyId, category: "customer", key: "vehicle_model", label: "Modèle du véhicule", type: "string" },
      { companyId, category: "customer", key: "vehicle_year", label: "Année du véhicule", type: "number" },
      { companyId, category: "customer", key: "last_visit", label: "Dernière visite", type: "date" },
      { companyId, category: "customer", key: "preferred_time", label: "Moment préféré", type: "collection", options: ["Matin", "Après-midi", "Soir"] },
      { companyId, category: "appointment", key: "advisor", label: "Conseiller", type: "string" },
      { companyId, category: "appointment", key: "loaner", label: "Voiture de courtoisie", type: "collection", options: ["Oui", "Non"] },
      { companyId, category: "event", key: "mileage", label: "Kilométrage", type: "number" },
      { companyId, category: "event", key: "total", label: "Total", type: "money" },
    ]);

    const usedNumbers = new Set<string>();
    const customerRows = Array.from({ length: 200 }, (_, index) => {
      const english = random.next() < 0.25;
      const firstName = random.pick(english ? FIRST_NAMES_EN : FIRST_NAMES_FR);
      const lastName = random.pick(LAST_NAMES);
      let mobile: string | null = null;
      // A few customers only have a landline on file.
      if (index % 23 !== 7) {
        do mobile = `+1${random.pick(AREA_CODES)}555${String(random.int(0, 9999)).padStart(4, "0")}`;
        while (usedNumbers.has(mobile) || mobile === DEMO_SENDER_NUMBER);
        usedNumbers.add(mobile);
      }
      const [make, model] = random.pick(VEHICLES);
      const email =
        random.next() < 0.6
          ? `${firstName}.${lastName}`.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[^a-z.]/g, "") + "@example.com"
          : null;
      const lastVisit = new Date(now.getTime() - random.int(5, 400) * 86_400_000);
      return {
        companyId,
        firstName,
        lastName,
        mobile,
        email,
        language: english ? ("en" as const) : ("fr" as const),
        attributes: {
          vehicle_make: make,
          vehicle_model: model,
          vehicle_year: random.int(2012, 2025),
          last_visit: lastVisit.toISOString().slice(0, 10),
          preferred_time: [random.pick(["Matin", "Après-midi", "Soir"])],
        },
        subscribedMarketing: index % 11 !== 3,
        optedOutAt: index % 67 === 5 ? minutesAgo(60 * 24 * 20) : null,
        subscribedGeneral: index % 67 !== 5,
        searchText: "",
        createdAt: minutesAgo(60 * 24 * random.int(30, 900)),
      };
    });
    const customers = await tx
      .insert(s.customers)
      .values(customerRows.map((row) => ({ ...row, searchText: customerSearchText(row) })))
      .returning();

    // Conversations with real-looking threads for the first customers with a mobile.
    const reachable = customers.filter((c) => c.mobile && !c.optedOutAt);
    const agents = [admin, alex, jf, sophie];
    const conversationRows: (typeof s.conversations.$inferInsert)[] = [];
    const messageRows: (typeof s.messages.$inferInsert)[] = [];
    const assignmentRows: (typeof s.assignmentEvents.$inferInsert)[] = [];
    const threadCount = 64;
    for (let i = 0; i < threadCount; i++) {
      const customer = reachable[i]!;
      const threads = customer.language === "en" ? THREADS_EN : THREADS_FR;
      const thread = threads[i % threads.length]!;
      const threadLength = Math.max(...thread.map((line) => line.at));
      const startMinutesAgo = threadLength + (i < 8 ? 5 + i * 25 : 60 * (6 + i * 9 + random.int(0, 8)));
      const vehicle = `${customer.attributes.vehicle_make} ${customer.attributes.vehicle_model}`;
      const conversationId = crypto.randomUUID();
      const assigneeUserId = i % 7 === 6 ? null : agents[i % agents.length]!;
      const assigneeTeamId = assigneeUserId ? null : service!.id;
      let lastInboundAt: Date | null = null;
      let lastOutboundAt: Date | null = null;
      let last: { at: Date; text: string; direction: "inbound" | "outbound" } | null = null;
      for (const line of thread as ThreadLine[]) {
        const at = minutesAgo(startMinutesAgo - line.at);
        const text = line.text.replaceAll("{first}", customer.firstName).replaceAll("{vehicle}", vehicle);
        const inbound = line.from === "customer";
        messageRows.push({
          companyId,
          conversationId,
          customerId: customer.id,
          direction: inbound ? "inbound" : "outbound",
          body: text,
          sourceKind: inbound ? "customer" : line.from === "automation" ? "automation" : "manual",
          senderUserId: line.from === "agent" ? (assigneeUserId ?? alex) : null,
          status: inbound ? "received" : line.failed ? "failed" : "delivered",
          errorCode: line.failed ? "landline_or_unreachable" : null,
          errorText: line.failed ? "Landline or unreachable number" : null,
          provider: "local",
          providerMessageId: `seed-${conversationId}-${line.at}`,
          segments: countSegments(text).segments,
          encoding: countSegments(text).encoding,
          fromNumber: inbound ? customer.mobile : DEMO_SENDER_NUMBER,
          toNumber: inbound ? DEMO_SENDER_NUMBER : customer.mobile,
          sentAt: inbound ? null : at,
          deliveredAt: inbound || line.failed ? null : at,
          createdAt: at,
        });
        if (inbound) lastInboundAt = at;
        else lastOutboundAt = at;
        last = { at, text, direction: inbound ? "inbound" : "outbound" };
      }
      const closed = i >= 40 && i % 3 === 0;
      // The newest inbound messages are still unread by their assignee.
      const read = i >= 5;
      conversationRows.push({
        id: conversationId,
        companyId,
        customerId: customer.id,
        status: closed ? "closed" : "open",
        assigneeUserId,
        assigneeTeamId,
        lastActivityAt: last!.at,
        lastInboundAt,
        lastOutboundAt,
        lastMessagePreview: last!.text.slice(0, 160),
        lastMessageDirection: last!.direction,
        assigneeReadAt: read ? last!.at : null,
        closedAt: closed ? last!.at : null,
        createdAt: minutesAgo(startMinutesAgo + 1),
      });
      assignmentRows.push({
        companyId,
        conversationId,
        toUserId: assigneeUserId,
        toTeamId: assigneeTeamId,
        reason: "default_rule",
        createdAt: minutesAgo(startMinutesAgo + 1),
      });
    }
    await tx.insert(s.conversations).values(conversationRows);
    await tx.insert(s.messages).values(messageRows);
    await tx.insert(s.assignmentEvents).values(assignmentRows);

    await tx.insert(s.savedReplies).values(SAVED_REPLIES.map((reply) => ({ companyId, ...reply, createdByUserId: admin })));

    const appointmentRows = Array.from({ length: 48 }, (_, i) => {
      const customer = customers[(i * 7) % customers.length]!;
      const day = Math.floor(i / 4) - 2;
      const start = new Date(now);
      start.setUTCDate(start.getUTCDate() + day);
      start.setUTCHours(12 + (i % 4) * 2, i % 2 ? 30 : 0, 0, 0);
      const types = APPOINTMENT_TYPES[customer.language];
      return {
        companyId,
        customerId: customer.id,
        type: types[i % types.length]!,
        startAt: start,
        durationMinutes: [30, 60, 90][i % 3]!,
        status: day < 0 ? ("completed" as const) : i % 5 === 0 ? ("confirmed" as const) : ("scheduled" as const),
        assignedUserId: agents[i % agents.length]!,
        attributes: { advisor: people[i % people.length]!.name, loaner: [i % 3 === 0 ? "Oui" : "Non"] },
      };
    });
    await tx.insert(s.appointments).values(appointmentRows);

    await tx.insert(s.customerEvents).values(
      Array.from({ length: 60 }, (_, i) => {
        const customer = customers[(i * 3 + 1) % customers.length]!;
        return {
          companyId,
          customerId: customer.id,
          kind: "repair_order",
          number: `RO-${48200 + i}`,
          title: random.pick(["Entretien régulier", "Remplacement des freins", "Pneus d'hiver", "Diagnostic moteur", "Alignement"]),
          status: i < 10 ? "open" : "closed",
          occurredAt: minutesAgo(60 * 24 * random.int(0, 300)),
          // A total in dollars and cents, shown as money in the reader's language ("1 343,67 $", "$1,343.67").
          attributes: { mileage: random.int(8_000, 220_000), total: random.int(8_000, 240_000) / 100 },
        };
      }),
    );

    // Payments, reviews and profile notes for the customers with a conversation, so their profiles have history.
    const token = (kind: string, i: number) => `demo-${kind}-${i}-${companyId.slice(0, 8)}`;
    await tx.insert(s.paymentRequests).values(
      Array.from({ length: 12 }, (_, i) => {
        const conversation = conversationRows[i * 3]!;
        const paid = i % 3 !== 0;
        const createdAt = minutesAgo(60 * 24 * (i + 1));
        return {
          companyId,
          customerId: conversation.customerId,
          conversationId: conversation.id!,
          amountCents: random.int(8_000, 180_000),
          currency: "CAD",
          reference: `RO-${48200 + i}`,
          status: paid ? ("paid" as const) : ("pending" as const),
          publicToken: token("pay", i),
          paidAt: paid ? new Date(createdAt.getTime() + 3 * 60 * 60_000) : null,
          createdByUserId: agents[i % agents.length]!,
          createdAt,
        };
      }),
    );
    await tx.insert(s.reviews).values(
      Array.from({ length: 16 }, (_, i) => {
        const conversation = conversationRows[i * 2 + 1]!;
        const answered = i % 4 !== 3;
        const createdAt = minutesAgo(60 * 24 * (i + 2));
        const rating = [5, 5, 4, 5, 3, 5, 2, 5][i % 8]!;
        return {
          companyId,
          customerId: conversation.customerId,
          publicToken: token("review", i),
          rating: answered ? rating : null,
          comment: answered ? REVIEW_COMMENTS[i % REVIEW_COMMENTS.length]! : null,
          requestedByUserId: agents[i % agents.length]!,
          submittedAt: answered ? new Date(createdAt.getTime() + 5 * 60 * 60_000) : null,
          createdAt,
        };
      }),
    );
    await tx.insert(s.notes).values(
      Array.from({ length: 10 }, (_, i) => ({
        companyId,
        customerId: conversationRows[i]!.customerId,
        authorUserId: agents[i % agents.length]!,
        body: PROFILE_NOTES[i % PROFILE_NOTES.length]!,
        createdAt: minutesAgo(60 * 24 * (i + 3)),
      })),
    );

    // Real automations (issue 11): the reminder and the review request run right after the
    // seed (below), so a newcomer sees results and can answer OUI from /dev/phone.
    const [reminder, reviewRequest] = await tx
      .insert(s.automations)
      .values([
        {
          companyId,
          name: "Rappel de rendez-vous (veille)",
          type: "appointment_reminder",
          status: "active",
          triggerScope: "appointment",
          rules: {
            all: [
              { any: [{ category: "appointment", attribute: "start_at", operator: "within_next_days", value: 1 }] },
              { any: [{ category: "appointment", attribute: "status", operator: "is", value: "scheduled" }] },
            ],
          },
          messageBody:
            "Bonjour { customer.first_name }, rappel de votre rendez-vous le { appointment.start_at_date } à { appointment.start_at_time }. Répondez OUI pour confirmer ou NON pour annuler.",
          keywordResponses: [
            { id: "confirm", keywords: ["Oui", "Yes", "OK", "D'accord", "Bien sûr"], reply: "Merci, votre rendez-vous est confirmé!", action: "confirm_appointment" },
            { id: "cancel", keywords: ["Non", "No", "Annuler", "Cancel"], reply: "Votre rendez-vous est annulé. Répondez pour en fixer un autre.", action: "cancel_appointment" },
            { id: "reschedule", keywords: ["Changer", "Reporter", "Reschedule"], reply: "Nous vous contactons pour trouver une autre date.", action: "reschedule_appointment" },
          ],
          fallbackUserId: jf,
          fallbackReply: "Merci! Un conseiller vous répond sous peu.",
          schedule: "daily",
          dailyAt: "10:00",
          activatedAt: minutesAgo(60 * 24 * 40),
          createdByUserId: admin,
        },
        {
          companyId,
          name: "Demande d'avis après visite",
          type: "review_request",
          status: "active",
          triggerScope: "appointment",
          rules: {
            all: [
              { any: [{ category: "appointment", attribute: "status", operator: "is", value: "completed" }] },
              { any: [{ category: "appointment", attribute: "start_at", operator: "within_last_days", value: 2 }] },
            ],
          },
          messageBody: "Merci de votre visite, { customer.first_name }! Sur 10, quelle note donnez-vous à notre service?",
          fallbackUserId: admin,
          sentimentEnabled: true,
          sentimentScale: 10,
          negativeNotifyUserIds: [admin],
          schedule: "daily",
          dailyAt: "17:00",
          activatedAt: minutesAgo(60 * 24 * 20),
          createdByUserId: admin,
        },
        {
          companyId,
          name: "Relance pneus d'hiver",
          type: "general",
          status: "draft",
          marketing: true,
          messageBody: "C'est le temps des pneus d'hiver, { customer.first_name }! Répondez OUI pour prendre rendez-vous.",
          keywordResponses: [{ id: "yes", keywords: ["Oui", "Yes"], reply: "Parfait! Un conseiller vous appelle pour fixer l'heure." }],
          fallbackUserId: sophie,
          createdByUserId: sophie,
        },
      ])
      .returning();

    // Groups (IMPL-1): a dynamic audience by rules, and a static list of chosen customers.
    await tx.insert(s.customerGroups).values({
      companyId,
      name: "Véhicules 2018 et moins",
      description: "Clients dont le véhicule a au moins huit ans : offres d'entretien et d'échange.",
      kind: "dynamic",
      rules: { all: [{ any: [{ category: "customer", attribute: "attributes.vehicle_year", operator: "lt", value: 2019 }] }] },
      createdByUserId: admin,
    });
    const [vip] = await tx
      .insert(s.customerGroups)
      .values({ companyId, name: "Clients VIP", description: "Choisis par l'équipe des ventes.", kind: "static", createdByUserId: sophie })
      .returning();
    await tx.insert(s.customerGroupMembers).values(
      reachable.slice(0, 12).map((customer) => ({ groupId: vip!.id, customerId: customer.id, companyId, source: "selection" as const, addedByUserId: sophie })),
    );

    return { companyId, adminId: admin, agentId: alex, serviceTeamId: service!.id, automationIds: [reminder!.id, reviewRequest!.id] };
  });
  await runSeededAutomations(db, seeded, now);
  return seeded;
}

/**
 * Runs the seeded automations once through the real engine (local channel), and answers
 * a few review requests, so their results pages have rows, replies and scores.
 */
async function runSeededAutomations(db: Db, { companyId, automationIds }: { companyId: string; automationIds: string[] }, now: Date) {
  const [reminderId, reviewId] = automationIds as [string, string];
  await runAutomation(db, { companyId, automationId: reminderId, now, force: true }, { dependencies: { provider: localSmsProvider } });
  await runAutomation(db, { companyId, automationId: reviewId, now, force: true }, { dependencies: { provider: localSmsProvider } });
  const sent = (await listAutomationResults(db, { companyId, automationId: reviewId, limit: 4, status: "sent" })).rows;
  const answers = ["10, merci pour le service rapide!", "Service correct, 7", "Très déçu, deux heures d'attente. 3/10"];
  for (const [index, result] of sent.slice(0, answers.length).entries()) {
    if (!result.mobile) continue;
    await receiveSms(
      db,
      { provider: "local", providerMessageId: `seed-review-${result.id}`, from: result.mobile, to: DEMO_SENDER_NUMBER, text: answers[index]!, receivedAt: new Date() },
      { provider: localSmsProvider },
    );
  }
  await drainSettled();
}
