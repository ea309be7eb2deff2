import { classifyOptOut, optOutWords, type OptOutClassification } from "./opt-out";

const ZERO_WIDTH_SPACE = "\u200b";
const SOFT_HYPHEN = "\u00ad";
const BOM = "\ufeff";
const RIGHT_TO_LEFT_MARK = "\u200f";

type Row = [text: string, expected: OptOutClassification];

const cases = (rows: Row[]) => rows.map(([text, expected]) => [JSON.stringify(text), text, expected] as const);

describe("classifyOptOut", () => {
  describe("keeps what keywords.ts recognises today", () => {
    it.each(
      cases([
        ["STOP", { kind: "stop", language: "en" }],
        ["Stop", { kind: "stop", language: "en" }],
        [" ARRÊT. ", { kind: "stop", language: "fr" }],
        ["arret!", { kind: "stop", language: "fr" }],
        ["STOPALL", { kind: "stop", language: "en" }],
        ["unsubscribe", { kind: "stop", language: "en" }],
        ["Cancel", { kind: "stop", language: "en" }],
        ["END", { kind: "stop", language: "en" }],
        ["quit.", { kind: "stop", language: "en" }],
        ["START", { kind: "start", language: "en" }],
        ["unstop", { kind: "start", language: "en" }],
        ["HELP", { kind: "help", language: "en" }],
        ["Aide", { kind: "help", language: "fr" }],
        ["info?", { kind: "help", language: "en" }],
      ]),
    )("%s", (_, text, expected) => expect(classifyOptOut(text)).toEqual(expected));

    // The keywords the previous exact-match list recognised keep their meaning.
    it.each([
      ["STOP", "stop"], ["stopall", "stop"], ["Unsubscribe", "stop"], ["cancel", "stop"], ["End", "stop"], ["QUIT", "stop"], ["arrêt", "stop"],
      ["Start", "start"], ["UNSTOP", "start"], ["help", "help"], ["AIDE", "help"], ["Info", "help"], ["s-t-o-p", "stop"], ["hello", null],
    ] as const)("keeps the legacy keyword %j as %j", (text, expected) => {
      expect(classifyOptOut(text).kind).toBe(expected);
    });

    it("does not take a sentence that starts with a keyword for the keyword", () => {
      expect(classifyOptOut("Stop calling me").kind).not.toBe("stop");
    });
  });

  describe("accepts the keywords of the issue (FCC 2025, CTIA, Canadian French)", () => {
    it.each(
      cases([
        ["REVOKE", { kind: "stop", language: "en" }],
        ["OPTOUT", { kind: "stop", language: "en" }],
        ["opt out", { kind: "stop", language: "en" }],
        ["Opt-out", { kind: "stop", language: "en" }],
        ["opt me out", { kind: "stop", language: "en" }],
        ["stop please", { kind: "stop", language: "en" }],
        ["Please stop", { kind: "stop", language: "en" }],
        ["STOP svp", { kind: "stop", language: "fr" }],
        ["Stop s'il vous plaît", { kind: "stop", language: "fr" }],
        ["Arrêter", { kind: "stop", language: "fr" }],
        ["ARRÊTEZ", { kind: "stop", language: "fr" }],
        ["arrête svp", { kind: "stop", language: "fr" }],
        ["désabonnez-moi", { kind: "stop", language: "fr" }],
        ["Désabonner", { kind: "stop", language: "fr" }],
        ["me désinscrire", { kind: "stop", language: "fr" }],
        ["Je veux me désabonner, merci", { kind: "stop", language: "fr" }],
        ["ne plus recevoir", { kind: "stop", language: "fr" }],
        ["Je ne veux plus recevoir vos messages", { kind: "stop", language: "fr" }],
        ["Stop texting me", { kind: "stop", language: "en" }],
        ["I want to unsubscribe please", { kind: "stop", language: "en" }],
        ["STOP 🛑🛑", { kind: "stop", language: "en" }],
        ["S.T.O.P.", { kind: "stop", language: "en" }],
        ["stop all", { kind: "stop", language: "en" }],
        ["STOP STOP STOP", { kind: "stop", language: "en" }],
        ["Unsubcribe", { kind: "stop", language: "en" }],
        ["No more texts please", { kind: "stop", language: "en" }],
        ["Arrête de m'écrire", { kind: "stop", language: "fr" }],
        ["Ne m'écrivez plus", { kind: "stop", language: "fr" }],
      ]),
    )("%s", (_, text, expected) => expect(classifyOptOut(text)).toEqual(expected));
  });

  describe("sees through invisible and look-alike characters", () => {
    it.each(
      cases([
        [`ST${ZERO_WIDTH_SPACE}OP`, { kind: "stop", language: "en" }],
        [`${BOM}STOP${RIGHT_TO_LEFT_MARK}`, { kind: "stop", language: "en" }],
        [`UNSUB${SOFT_HYPHEN}SCRIBE`, { kind: "stop", language: "en" }],
        ["ＳＴＯＰ", { kind: "stop", language: "en" }],
        ["ａｒｒｅｔ", { kind: "stop", language: "fr" }],
        ["STOP\u00a0svp", { kind: "stop", language: "fr" }],
        ["SТОР", { kind: "stop", language: "en" }], // Cyrillic Т, О, Р
        ["Arre\u0302ter", { kind: "stop", language: "fr" }], // a combining circumflex
      ]),
    )("%s", (_, text, expected) => expect(classifyOptOut(text)).toEqual(expected));
  });

  describe("answers opt-ins and help requests in the language of the word used", () => {
    it.each(
      cases([
        ["start please", { kind: "start", language: "en" }],
        ["START svp", { kind: "start", language: "fr" }],
        ["subscribe", { kind: "start", language: "en" }],
        ["Réabonner", { kind: "start", language: "fr" }],
        ["abonnez-moi", { kind: "start", language: "fr" }],
        ["reprendre", { kind: "start", language: "fr" }],
        ["help please", { kind: "help", language: "en" }],
        ["aide svp", { kind: "help", language: "fr" }],
      ]),
    )("%s", (_, text, expected) => expect(classifyOptOut(text)).toEqual(expected));
  });

  it("answers a word both languages use in the fallback language (the customer's)", () => {
    expect(classifyOptOut("STOP", "fr")).toEqual({ kind: "stop", language: "fr" });
    expect(classifyOptOut("START", "fr")).toEqual({ kind: "start", language: "fr" });
    expect(classifyOptOut("INFO", "fr")).toEqual({ kind: "help", language: "fr" });
    // A word of one language wins over the fallback.
    expect(classifyOptOut("REVOKE", "fr")).toEqual({ kind: "stop", language: "en" });
    expect(classifyOptOut("Arrêter", "en")).toEqual({ kind: "stop", language: "fr" });
    expect(classifyOptOut("stop please", "fr")).toEqual({ kind: "stop", language: "en" });
  });

  describe("flags a longer or ambiguous text with a stop word for staff", () => {
    it.each(
      cases([
        ["Stop calling me", { kind: "possible_stop", language: "en" }],
        ["stop calling me at work, call my cell instead", { kind: "possible_stop", language: "en" }],
        ["arrêtez de m'appeler le matin", { kind: "possible_stop", language: "fr" }],
        ["Please please please stop texting me now thanks, I mean it", { kind: "possible_stop", language: "en" }],
        ["I'd like to unsubscribe from the marketing ones but keep the service reminders", { kind: "possible_stop", language: "en" }],
        ["Annuler", { kind: "possible_stop", language: "fr" }],
        ["START STOP", { kind: "possible_stop", language: "en" }],
        ["don't stop", { kind: "possible_stop", language: "en" }],
        ["Remove me from your list", { kind: "possible_stop", language: "en" }],
        ["take me off your list please", { kind: "possible_stop", language: "en" }],
        ["Veuillez me retirer de votre liste", { kind: "possible_stop", language: "fr" }],
      ]),
    )("%s", (_, text, expected) => expect(classifyOptOut(text)).toEqual(expected));
  });

  describe("leaves ordinary messages alone", () => {
    it.each(
      cases([
        ["", { kind: null, language: "en" }],
        ["🛑", { kind: null, language: "en" }],
        ["Yes, tomorrow at 9 works", { kind: null, language: "en" }],
        ["I need to cancel my appointment", { kind: null, language: "en" }],
        ["Je dois annuler mon rendez-vous", { kind: null, language: "en" }],
        ["I'll stop by tomorrow morning", { kind: null, language: "en" }],
        ["Help me with my car please", { kind: null, language: "en" }],
        ["When can I start the car again?", { kind: null, language: "en" }],
        ["Merci beaucoup", { kind: null, language: "en" }],
        ["Remove it please", { kind: null, language: "en" }],
        ["Retirez-le de la facture svp", { kind: null, language: "en" }],
        ["No more questions, thanks", { kind: null, language: "en" }],
      ]),
    )("%s", (_, text, expected) => expect(classifyOptOut(text)).toEqual(expected));
  });
});

describe("optOutWords", () => {
  it("folds case, accents, compatibility forms and invisible characters, and drops punctuation and emoji", () => {
    expect(optOutWords(`  Désabonnez-MOI${ZERO_WIDTH_SPACE} !!! 🙏 ＳＶＰ`)).toEqual(["desabonnez", "moi", "svp"]);
  });
});
