import { optOutCause } from "./opt-out-cause";

const entry = (source: "sms_keyword" | "staff" | "import" | "api", kind: "opt_out" | "opt_in" = "opt_out", scope: "all" | "general" | "marketing" = "all", staffName: string | null = null) => ({
  kind,
  scope,
  source,
  staffName,
});

describe("why a customer is opted out", () => {
  it("names the staff member who unsubscribed them", () => {
    expect(optOutCause([entry("staff", "opt_out", "all", "Sophie Lavoie"), entry("sms_keyword", "opt_in")])).toEqual({ by: "staff", staffName: "Sophie Lavoie" });
  });

  it("says the customer texted STOP when their keyword is the latest opt-out of everything", () => {
    expect(optOutCause([entry("staff", "opt_out", "marketing", "Alex"), entry("sms_keyword"), entry("staff", "opt_out", "all", "Sophie")])).toEqual({ by: "customer" });
  });

  it("falls back to the keyword when no event was recorded", () => {
    expect(optOutCause([])).toEqual({ by: "customer" });
  });
});
