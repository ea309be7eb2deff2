// Its client components read any namespace: the whole catalogue (see lib/i18n/client-messages.tsx).
export { AllMessagesLayout as default } from "@/lib/i18n/client-messages";
