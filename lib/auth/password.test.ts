import { hashPassword, passwordSchema, verifyPassword } from "./password";

describe("passwords", () => {
  it("verifies the right password and rejects others", async () => {
    const hash = await hashPassword("parley123");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("parley123", hash)).toBe(true);
    expect(await verifyPassword("parley124", hash)).toBe(false);
    expect(await verifyPassword("parley123", "garbage")).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same1")).not.toBe(await hashPassword("same1"));
  });

  it.each([
    ["abc12", "password.tooShort"],
    ["abcdefgh", "password.lettersAndDigits"],
    ["12345678", "password.lettersAndDigits"],
  ])("rejects %s (USER-2)", (password, message) => {
    const result = passwordSchema.safeParse(password);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it.each(["abc123", "Mötdepasse9"])("accepts %s", (password) => {
    expect(passwordSchema.safeParse(password).success).toBe(true);
  });
});
