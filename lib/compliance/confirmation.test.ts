import { confirmationText } from "./confirmation";

const company = { name: "Garage {Tremblay}", helpText: null, senderNumber: "+15145550000" };

describe("confirmationText", () => {
  it("confirms a STOP in the language of the keyword, with the wording the STOP path always sent", () => {
    expect(confirmationText("stop", "en", company)).toEqual({
      body: "Garage Tremblay: you are unsubscribed and will receive no more messages. Reply START to subscribe again.",
      compliance: "opt_out_confirmation",
      language: "en",
    });
    expect(confirmationText("stop", "fr", company).body).toBe(
      "Garage Tremblay : vous êtes désabonné et ne recevrez plus de messages. Répondez START pour vous réabonner.",
    );
  });

  it("confirms a START and answers HELP in either language", () => {
    expect(confirmationText("start", "fr", company)).toMatchObject({ body: "Garage Tremblay : vous êtes réabonné. Répondez ARRET pour vous désabonner.", compliance: "opt_in_confirmation" });
    expect(confirmationText("start", "en", company).body).toBe("Garage Tremblay: you are subscribed again. Reply STOP to unsubscribe.");
    expect(confirmationText("help", "en", company)).toMatchObject({ body: "Garage Tremblay: text us at +15145550000. Reply STOP to unsubscribe.", compliance: "help" });
    expect(confirmationText("help", "fr", company).body).toBe("Garage Tremblay : écrivez-nous au +15145550000. Répondez ARRET pour vous désabonner.");
  });

  it("answers HELP with the company's own text when it has one", () => {
    expect(confirmationText("help", "fr", { ...company, helpText: "Appelez le 514 555-0000." }).body).toBe("Appelez le 514 555-0000.");
  });
});
