import { carrierTimeWorthShowing } from "./carrier-time";

const received = new Date("2026-12-01T14:10:00Z");

describe("the carrier's time on an inbound text", () => {
  it("is shown when it differs from our receive time by more than a minute", () => {
    const sentAt = new Date("2026-12-01T14:02:00Z");
    expect(carrierTimeWorthShowing({ direction: "inbound", createdAt: received, sentAt })).toEqual(sentAt);
  });

  it("is not shown within a minute, when missing, or on outbound messages", () => {
    expect(carrierTimeWorthShowing({ direction: "inbound", createdAt: received, sentAt: new Date("2026-12-01T14:09:30Z") })).toBeNull();
    expect(carrierTimeWorthShowing({ direction: "inbound", createdAt: received, sentAt: null })).toBeNull();
    expect(carrierTimeWorthShowing({ direction: "outbound", createdAt: received, sentAt: new Date("2026-12-01T14:02:00Z") })).toBeNull();
  });
});
