// The one Inngest instance is configured in lib/background/engine.ts (events are sent from
// lib/, which never imports inngest/); functions are declared on it here.
export { inngest } from "@/lib/background/engine";
