import type { AudienceCondition, AudienceRules, AudienceValue, AutomationType, KeywordResponse, TriggerScope } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import type { AutomationDefinition } from "./types";

/**
 * The automation library (AUTO-9): ready-made automations a dealership activates in four
 * clicks — pick a template, pick one of its messages, say who receives the replies, adjust
 * and activate. Every template is a complete AutomationDefinition in French and English.
 */

type Bilingual = Record<Locale, string>;

export type LibraryMessage = {
  /** Stable within its template. */
  id: string;
  title: Bilingual;
  body: Bilingual;
};

type LibraryKeywordResponse = Omit<KeywordResponse, "reply" | "assignToUserId"> & { reply: Bilingual | null };

export type LibraryTemplate = {
  /** Stable key, stored on the created automation as `templateKey`. */
  key: string;
  /** lucide icon name, mapped by the page. */
  icon: "calendar-clock" | "alarm-clock" | "user-x" | "star" | "credit-card" | "gauge" | "snowflake" | "wrench" | "file-clock" | "hand-heart" | "rotate-ccw";
  type: AutomationType;
  name: Bilingual;
  description: Bilingual;
  /** Custom attributes the rules read (the company defines them, or adjusts the rules). */
  uses: string[];
  messages: LibraryMessage[];
  marketing: boolean;
  rules: AudienceRules;
  keywordResponses: LibraryKeywordResponse[];
  fallbackReply: Bilingual | null;
  sentimentEnabled: boolean;
  sentimentScale: number | null;
  schedule: "daily" | "realtime";
  dailyAt: string;
  realtimeEveryMinutes: number;
  triggerScope: TriggerScope;
  repeatAfterDays: number | null;
  aiReplies: boolean;
  settings?: AutomationDefinition["settings"];
};

const condition = (category: AudienceCondition["category"], attribute: string, operator: string, value?: AudienceValue): AudienceCondition => ({
  category,
  attribute,
  operator,
  ...(value === undefined ? {} : { value }),
});
/** Each argument is one rule (ANDed); an array argument is a rule whose sub-rules are ORed. */
const rules = (...all: (AudienceCondition | AudienceCondition[])[]): AudienceRules => ({
  all: all.map((rule) => ({ any: Array.isArray(rule) ? rule : [rule] })),
});

/** Invitations to book skip customers who already have an appointment in the next 30 days. */
const notBookedSoon = condition("appointment", "none", "none_within_next_days", 30);

// Keyword variants the wizard suggests, in both languages: a French customer may write "ok".
const YES = ["oui", "yes", "ok", "d'accord", "bien sûr", "parfait", "confirmé", "confirm"];
// "cancel" is a carrier STOP word: it unsubscribes, so it is never a keyword.
const NO = ["non", "no", "annuler", "annule"];
const RESCHEDULE = ["changer", "déplacer", "reporter", "autre date", "autre heure", "reschedule", "change", "another time"];

/** A keyword response of a template: its keywords, what it does, its auto-reply in both languages. */
const respond = (id: string, keywords: string[], action: KeywordResponse["action"], reply: Bilingual): LibraryKeywordResponse => ({ id, keywords, action, reply });
/** The usual "reply YES and someone gets back to you" response. */
const onYes = (id: string, reply: Bilingual) => respond(id, YES, null, reply);

const reminderResponses: LibraryKeywordResponse[] = [
  respond("confirm", YES, "confirm_appointment", { fr: "Merci, votre rendez-vous est confirmé. À bientôt!", en: "Thank you, your appointment is confirmed. See you soon!" }),
  respond("cancel", NO, "cancel_appointment", {
    fr: "C'est noté, votre rendez-vous est annulé. Répondez à ce message pour en fixer un autre.",
    en: "Noted, your appointment is cancelled. Reply to this message to book another one.",
  }),
  respond("reschedule", RESCHEDULE, "reschedule_appointment", {
    fr: "Pas de problème! Un membre de notre équipe vous écrit sous peu pour trouver un autre moment.",
    en: "No problem! Someone from our team will text you shortly to find another time.",
  }),
];

const reminderFallback: Bilingual = {
  fr: "Merci de votre réponse! Répondez OUI pour confirmer, NON pour annuler ou CHANGER pour une autre date.",
  en: "Thanks for your reply! Reply YES to confirm, NO to cancel or CHANGE for another date.",
};

const base = {
  uses: [] as string[],
  marketing: false,
  keywordResponses: [] as LibraryKeywordResponse[],
  fallbackReply: null,
  sentimentEnabled: false,
  sentimentScale: null,
  schedule: "daily" as const,
  dailyAt: "10:00",
  realtimeEveryMinutes: 5,
  repeatAfterDays: null,
  aiReplies: false,
};

export const LIBRARY: LibraryTemplate[] = [
  {
    ...base,
    key: "reminder_day_before",
    icon: "calendar-clock",
    type: "appointment_reminder",
    name: { fr: "Rappel de rendez-vous la veille", en: "Appointment reminder the day before" },
    description: {
      fr: "Chaque jour, rappelle les rendez-vous du lendemain; le client confirme, annule ou demande à changer par SMS.",
      en: "Every day, reminds customers of tomorrow's appointments; they confirm, cancel or ask to reschedule by text.",
    },
    messages: [
      {
        id: "standard",
        title: { fr: "Rappel avec confirmation", en: "Reminder with confirmation" },
        body: {
          fr: "Bonjour { customer.first_name }, rappel de votre rendez-vous chez { company.name } le { appointment.start_at_date } à { appointment.start_at_time }. Répondez OUI pour confirmer, NON pour annuler ou CHANGER pour une autre date.",
          en: "Hi { customer.first_name }, a reminder of your appointment at { company.name } on { appointment.start_at_date } at { appointment.start_at_time }. Reply YES to confirm, NO to cancel or CHANGE for another date.",
        },
      },
      {
        id: "short",
        title: { fr: "Rappel court", en: "Short reminder" },
        body: {
          fr: "{ company.name }: RDV demain à { appointment.start_at_time }. OUI pour confirmer, NON pour annuler.",
          en: "{ company.name }: appointment tomorrow at { appointment.start_at_time }. YES to confirm, NO to cancel.",
        },
      },
    ],
    rules: rules(condition("appointment", "start_at", "within_next_days", 1), condition("appointment", "status", "is", "scheduled")),
    keywordResponses: reminderResponses,
    fallbackReply: reminderFallback,
    triggerScope: "appointment",
    aiReplies: true,
  },
  {
    ...base,
    key: "reminder_two_hours",
    icon: "alarm-clock",
    type: "appointment_reminder",
    name: { fr: "Rappel deux heures avant", en: "Reminder two hours before" },
    description: {
      fr: "En temps réel, texte le client deux heures avant son rendez-vous.",
      en: "In near real time, texts the customer two hours before their appointment.",
    },
    messages: [
      {
        id: "standard",
        title: { fr: "On vous attend", en: "We're expecting you" },
        body: {
          fr: "Bonjour { customer.first_name }, on vous attend à { appointment.start_at_time } chez { company.name }. Un empêchement? Répondez NON ou CHANGER.",
          en: "Hi { customer.first_name }, we're expecting you at { appointment.start_at_time } at { company.name }. Can't make it? Reply NO or CHANGE.",
        },
      },
      {
        id: "loaner",
        title: { fr: "Avec l'adresse et le permis", en: "With address and licence" },
        body: {
          fr: "Rendez-vous à { appointment.start_at_time } chez { company.name }. Pensez à votre permis si vous avez réservé une voiture de courtoisie. Répondez NON pour annuler.",
          en: "Appointment at { appointment.start_at_time } at { company.name }. Bring your driver's licence if you booked a loaner. Reply NO to cancel.",
        },
      },
    ],
    rules: rules(
      condition("appointment", "start_at", "before_subject", { amount: 2, unit: "hours" }),
      condition("appointment", "status", "is_not", "cancelled"),
    ),
    keywordResponses: reminderResponses,
    fallbackReply: reminderFallback,
    schedule: "realtime",
    triggerScope: "appointment",
    aiReplies: true,
  },
  {
    ...base,
    key: "no_show_follow_up",
    icon: "user-x",
    type: "general",
    name: { fr: "Relance après une absence", en: "No-show follow-up" },
    description: {
      fr: "Le lendemain d'un rendez-vous manqué, propose au client d'en fixer un nouveau.",
      en: "The day after a missed appointment, offers the customer to book a new one.",
    },
    messages: [
      {
        id: "standard",
        title: { fr: "On vous a manqué", en: "We missed you" },
        body: {
          fr: "Bonjour { customer.first_name }, nous ne vous avons pas vu hier chez { company.name }. Voulez-vous un nouveau rendez-vous? Répondez OUI et nous vous proposerons un moment.",
          en: "Hi { customer.first_name }, we didn't see you yesterday at { company.name }. Would you like a new appointment? Reply YES and we'll suggest a time.",
        },
      },
    ],
    rules: rules(condition("appointment", "status", "is", "no_show"), condition("appointment", "start_at", "within_last_days", 2), notBookedSoon),
    keywordResponses: [onYes("rebook", { fr: "Parfait! Un conseiller vous écrit sous peu avec des disponibilités.", en: "Great! An advisor will text you shortly with available times." })],
    dailyAt: "09:30",
    triggerScope: "appointment",
  },
  {
    ...base,
    key: "review_after_visit",
    icon: "star",
    type: "review_request",
    name: { fr: "Demande d'avis après une visite", en: "Review request after a visit" },
    description: {
      fr: "Le soir d'un rendez-vous terminé, demande au client comment s'est passée sa visite.",
      en: "On the evening of a completed appointment, asks the customer how their visit went.",
    },
    messages: [
      {
        id: "standard",
        title: { fr: "Merci de votre visite", en: "Thanks for your visit" },
        body: {
          fr: "Merci de votre visite chez { company.name }, { customer.first_name }! Comment s'est passée votre expérience? Votre avis nous aide beaucoup.",
          en: "Thanks for visiting { company.name }, { customer.first_name }! How was your experience? Your feedback helps us a lot.",
        },
      },
      {
        id: "advisor",
        title: { fr: "Au nom du conseiller", en: "From the advisor" },
        body: {
          fr: "Bonjour { customer.first_name }, c'est { appointment.advisor | \"l'équipe\" } de { company.name }. Avez-vous été satisfait de votre visite d'aujourd'hui?",
          en: "Hi { customer.first_name }, it's { appointment.advisor | \"the team\" } at { company.name }. Were you happy with today's visit?",
        },
      },
    ],
    uses: ["appointment.advisor"],
    rules: rules(condition("appointment", "status", "is", "completed"), condition("appointment", "start_at", "within_last_days", 1)),
    sentimentEnabled: true,
    dailyAt: "17:00",
    triggerScope: "appointment",
  },
  {
    ...base,
    key: "payment_on_close",
    icon: "credit-card",
    type: "payment_request",
    name: { fr: "Demande de paiement à la fermeture du bon de travail", en: "Payment request when a repair order closes" },
    description: {
      fr: "Quand un bon de travail est fermé avec un montant, texte un lien de paiement sécurisé.",
      en: "When a repair order closes with an amount, texts a secure payment link.",
    },
    messages: [
      {
        id: "standard",
        title: { fr: "Votre véhicule est prêt", en: "Your vehicle is ready" },
        body: {
          fr: "{ company.name }: bonjour { customer.first_name }, votre véhicule est prêt (bon { event.number | \"de travail\" }). Vous pouvez payer dès maintenant avec le lien sécurisé ci-dessous.",
          en: "{ company.name }: hi { customer.first_name }, your vehicle is ready (repair order { event.number }). You can pay now with the secure link below.",
        },
      },
    ],
    uses: ["event.total"],
    rules: rules(condition("event", "status", "is", "closed"), condition("event", "attributes.total", "gt", 0), condition("event", "occurred_at", "within_last_days", 1)),
    schedule: "realtime",
    triggerScope: "event",
    settings: { paymentAmountAttribute: "total", paymentDescription: "Bon de travail" },
  },
  {
    ...base,
    key: "csi_survey",
    icon: "gauge",
    type: "general",
    name: { fr: "Sondage de satisfaction (CSI) sur 10", en: "Satisfaction survey (CSI) out of 10" },
    description: {
      fr: "Après un bon de travail fermé, demande une note sur 10; les réponses négatives avertissent un responsable.",
      en: "After a closed repair order, asks for a score out of 10; negative replies alert a manager.",
    },
    messages: [
      {
        id: "standard",
        title: { fr: "Note sur 10", en: "Score out of 10" },
        body: {
          fr: "Bonjour { customer.first_name }, sur une échelle de 0 à 10, recommanderiez-vous { company.name } à un proche? Répondez simplement par un chiffre.",
          en: "Hi { customer.first_name }, on a scale of 0 to 10, how likely are you to recommend { company.name } to a friend? Just reply with a number.",
        },
      },
      {
        id: "service",
        title: { fr: "Note du service", en: "Service score" },
        body: {
          fr: "{ company.name }: comment évaluez-vous le service reçu pour votre bon { event.number | \"de travail\" }, de 0 à 10? Vos commentaires sont les bienvenus.",
          en: "{ company.name }: how would you rate the service on your repair order { event.number }, from 0 to 10? Comments are welcome.",
        },
      },
    ],
    rules: rules(condition("event", "status", "is", "closed"), condition("event", "occurred_at", "days_ago", 1)),
    fallbackReply: { fr: "Merci pour votre réponse, elle est transmise à notre équipe.", en: "Thank you for your answer, it has been passed on to our team." },
    sentimentEnabled: true,
    sentimentScale: 10,
    dailyAt: "11:00",
    triggerScope: "event",
  },
  {
    ...base,
    key: "winter_tires",
    icon: "snowflake",
    type: "general",
    name: { fr: "Entretien saisonnier : pneus d'hiver", en: "Seasonal maintenance: winter tires" },
    description: {
      fr: "Une fois par an, invite les clients à prendre rendez-vous pour la pose des pneus d'hiver (message marketing).",
      en: "Once a year, invites customers to book their winter tire change (marketing message).",
    },
    messages: [
      {
        id: "standard",
        title: { fr: "C'est le temps des pneus", en: "Tire season" },
        body: {
          fr: "C'est le temps des pneus d'hiver, { customer.first_name }! Répondez OUI et { company.name } vous propose un rendez-vous.",
          en: "Winter tire season is here, { customer.first_name }! Reply YES and { company.name } will offer you an appointment.",
        },
      },
      {
        id: "vehicle",
        title: { fr: "Selon le véhicule", en: "By vehicle" },
        body: {
          fr: "Votre { customer.vehicle_make | \"véhicule\" } est-il prêt pour l'hiver? Réservez la pose de vos pneus chez { company.name }: répondez OUI.",
          en: "Is your { customer.vehicle_make | \"vehicle\" } ready for winter? Book your tire change at { company.name }: reply YES.",
        },
      },
    ],
    uses: ["customer.vehicle_make"],
    marketing: true,
    rules: rules(condition("customer", "attributes.vehicle_make", "known"), notBookedSoon),
    keywordResponses: [onYes("book", { fr: "Super! Un conseiller vous écrit avec les prochaines disponibilités.", en: "Great! An advisor will text you the next available times." })],
    triggerScope: "customer_repeat",
    repeatAfterDays: 365,
  },
  {
    ...base,
    key: "service_due",
    icon: "wrench",
    type: "general",
    name: { fr: "Entretien dû (kilométrage ou date)", en: "Service due (mileage or date)" },
    description: {
      fr: "Texte les clients dont la dernière visite date de six mois ou dont le dernier kilométrage dépasse 10 000 km.",
      en: "Texts customers whose last visit was six months ago or whose last mileage is above 10,000 km.",
    },
    messages: [
      {
        id: "standard",
        title: { fr: "Votre entretien approche", en: "Your service is due" },
        body: {
          fr: "Bonjour { customer.first_name }, votre { customer.vehicle_model | \"véhicule\" } est dû pour un entretien. Répondez OUI pour prendre rendez-vous chez { company.name }.",
          en: "Hi { customer.first_name }, your { customer.vehicle_model | \"vehicle\" } is due for service. Reply YES to book at { company.name }.",
        },
      },
    ],
    uses: ["customer.last_visit", "event.mileage", "customer.vehicle_model"],
    rules: rules([condition("customer", "attributes.last_visit", "days_ago", 180), condition("event", "attributes.mileage", "gt", 10000)], notBookedSoon),
    keywordResponses: [onYes("book", { fr: "Merci! Nous vous proposons un moment sous peu.", en: "Thanks! We'll suggest a time shortly." })],
    triggerScope: "customer_repeat",
    repeatAfterDays: 90,
  },
  {
    ...base,
    key: "lease_ending",
    icon: "file-clock",
    type: "general",
    name: { fr: "Fin de location ou de garantie", en: "Lease or warranty ending" },
    description: {
      fr: "Deux mois avant la fin d'une location ou d'une garantie, propose au client d'en parler.",
      en: "Two months before a lease or warranty ends, offers the customer a conversation about it.",
    },
    messages: [
      {
        id: "lease",
        title: { fr: "Fin de location", en: "Lease ending" },
        body: {
          fr: "Bonjour { customer.first_name }, votre location se termine bientôt. { company.name } peut vous présenter vos options : répondez OUI pour en discuter.",
          en: "Hi { customer.first_name }, your lease ends soon. { company.name } can walk you through your options: reply YES to talk about it.",
        },
      },
      {
        id: "warranty",
        title: { fr: "Fin de garantie", en: "Warranty ending" },
        body: {
          fr: "Bonjour { customer.first_name }, la garantie de votre véhicule arrive à échéance. Répondez OUI et { company.name } vous présente les options de prolongation.",
          en: "Hi { customer.first_name }, your vehicle's warranty is about to expire. Reply YES and { company.name } will walk you through extension options.",
        },
      },
    ],
    uses: ["customer.lease_end", "customer.warranty_end"],
    rules: rules([condition("customer", "attributes.lease_end", "within_next_days", 60), condition("customer", "attributes.warranty_end", "within_next_days", 60)]),
    keywordResponses: [onYes("interested", { fr: "Merci! Un conseiller aux ventes vous contacte sous peu.", en: "Thanks! A sales advisor will contact you shortly." })],
    triggerScope: "customer",
  },
  {
    ...base,
    key: "welcome",
    icon: "hand-heart",
    type: "general",
    name: { fr: "Bienvenue aux nouveaux clients", en: "Welcome text for new customers" },
    description: {
      fr: "Le jour où un client est ajouté, lui souhaite la bienvenue et lui dit qu'il peut écrire à ce numéro.",
      en: "The day a customer is added, welcomes them and tells them they can text this number.",
    },
    messages: [
      {
        id: "standard",
        title: { fr: "Bienvenue", en: "Welcome" },
        body: {
          fr: "Bienvenue chez { company.name }, { customer.first_name }! Vous pouvez nous écrire à ce numéro pour toute question ou pour prendre rendez-vous.",
          en: "Welcome to { company.name }, { customer.first_name }! You can text this number with any question or to book an appointment.",
        },
      },
    ],
    rules: rules(condition("customer", "created_at", "within_last_days", 1)),
    schedule: "realtime",
    realtimeEveryMinutes: 15,
    triggerScope: "customer",
  },
  {
    ...base,
    key: "win_back",
    icon: "rotate-ccw",
    type: "general",
    name: { fr: "Clients à reconquérir (un an sans visite)", en: "Win back customers (a year without a visit)" },
    description: {
      fr: "Un an après la dernière visite, rappelle au client que vous êtes là (message marketing).",
      en: "A year after the last visit, reminds the customer you are there (marketing message).",
    },
    messages: [
      {
        id: "standard",
        title: { fr: "On s'ennuie de vous", en: "We miss you" },
        body: {
          fr: "Bonjour { customer.first_name }, ça fait un an! { company.name } offre une inspection gratuite à votre prochaine visite. Répondez OUI pour réserver.",
          en: "Hi { customer.first_name }, it's been a year! { company.name } offers a free inspection on your next visit. Reply YES to book.",
        },
      },
    ],
    uses: ["customer.last_visit"],
    marketing: true,
    rules: rules(condition("customer", "attributes.last_visit", "days_ago", 365), notBookedSoon),
    keywordResponses: [onYes("book", { fr: "Merci! Nous vous écrivons avec des disponibilités.", en: "Thanks! We'll text you available times." })],
    triggerScope: "customer",
  },
];

export function findTemplate(key: string): LibraryTemplate | undefined {
  return LIBRARY.find((template) => template.key === key);
}

export type TemplateChoice = {
  locale: Locale;
  /** One of the template's messages; the first when absent. */
  messageId?: string | null;
  /** Who receives the replies (the fallback user; keyword responses route there too). */
  repliesUserId?: string | null;
  /** Users notified of negative replies (sentiment templates); defaults to the replies user. */
  negativeNotifyUserIds?: string[];
};

/** The complete definition a template makes, in one language, before any adjustment. */
export function templateDefinition(template: LibraryTemplate, choice: TemplateChoice): AutomationDefinition {
  const { locale } = choice;
  const message = template.messages.find((m) => m.id === choice.messageId) ?? template.messages[0]!;
  const repliesUserId = choice.repliesUserId ?? null;
  return {
    name: template.name[locale],
    type: template.type,
    rules: structuredClone(template.rules),
    messageBody: message.body[locale],
    marketing: template.marketing,
    keywordResponses: template.keywordResponses.map((response) => ({
      id: response.id,
      keywords: [...response.keywords],
      reply: response.reply ? response.reply[locale] : null,
      assignToUserId: null,
      action: response.action ?? null,
    })),
    fallbackUserId: repliesUserId,
    fallbackReply: template.fallbackReply ? template.fallbackReply[locale] : null,
    sentimentEnabled: template.sentimentEnabled,
    sentimentScale: template.sentimentScale,
    negativeNotifyUserIds: template.sentimentEnabled ? (choice.negativeNotifyUserIds ?? (repliesUserId ? [repliesUserId] : [])) : [],
    schedule: template.schedule,
    dailyAt: template.dailyAt,
    realtimeEveryMinutes: template.realtimeEveryMinutes,
    triggerScope: template.triggerScope,
    repeatAfterDays: template.repeatAfterDays,
    settings: { ...(template.settings ?? {}) },
    aiReplies: template.aiReplies,
    replyWindowDays: 7,
  };
}
