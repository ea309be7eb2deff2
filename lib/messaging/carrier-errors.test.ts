import { carrierErrorCategory } from "./carrier-errors";

describe("carrier failures in words staff understand (CONV-11)", () => {
  it("reads a code given as words, like the seeded failed message's `landline`", () => {
    expect(carrierErrorCategory("landline")).toBe("landline_or_unreachable");
    expect(carrierErrorCategory("throttled", null)).toBe("throttled");
  });

  it("prefers a numeric code, then the detail text, and says unknown only when nothing matches", () => {
    expect(carrierErrorCategory(5, "landline")).toBe("invalid_number");
    expect(carrierErrorCategory("1300", "Destination is a landline")).toBe("landline_or_unreachable");
    expect(carrierErrorCategory("1300", null)).toBe("unknown");
  });
});
