/** Carrier-mandated keywords (PLAT-1), recognised when they are the whole message. */

const STOP = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET"];
const START = ["START", "UNSTOP"];
const HELP = ["HELP", "AIDE", "INFO"];

export type ComplianceKeyword = "stop" | "start" | "help";

function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toUpperCase()
    .replace(/[\s.!?¡¿'"«»,;:()-]+/gu, "");
}

/** "Stop", " ARRÊT. ", "arret!" → "stop"; "Stop calling me" → null. */
export function complianceKeyword(text: string): ComplianceKeyword | null {
  const word = normalise(text);
  if (STOP.includes(word)) return "stop";
  if (START.includes(word)) return "start";
  if (HELP.includes(word)) return "help";
  return null;
}
