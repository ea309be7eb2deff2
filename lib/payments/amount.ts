import { z } from "zod";

/** "389,95", "389.95 $", "1 200" → cents; refuses zero, negatives and more than two decimals. */
export const amountSchema = z
  .union([z.number(), z.string()])
  .transform((value, context) => {
    const text = String(value).replace(/[\s$\u00a0]/g, "").replace(",", ".");
    if (!/^\d{1,7}(\.\d{1,2})?$/.test(text)) {
      context.addIssue({ code: "custom", message: "payments.amountInvalid" });
      return z.NEVER;
    }
    const cents = Math.round(Number(text) * 100);
    if (cents < 50 || cents > 99_999_999) {
      context.addIssue({ code: "custom", message: "payments.amountRange" });
      return z.NEVER;
    }
    return cents;
  });
