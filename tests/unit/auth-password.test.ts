import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkPasswordPolicy, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/demo-accounts";

describe("password policy", () => {
  it("accepts a long passphrase with no composition rules", () => {
    expect(checkPasswordPolicy("purple kettle harbour lamp")).toEqual([]);
    expect(checkPasswordPolicy("abcdefghijklmnop")).toEqual(["Password is too common, choose a different one"]);
  });

  it("asks for a password when it is empty", () => {
    expect(checkPasswordPolicy("")).toEqual(["Enter a password"]);
  });

  it(`needs at least ${PASSWORD_MIN_LENGTH} characters, counted as characters not bytes`, () => {
    expect(checkPasswordPolicy("x".repeat(3) + "short pass")).toEqual([`Password must be ${PASSWORD_MIN_LENGTH} characters or more`]);
    expect(checkPasswordPolicy("tea kettle lamp")).toEqual([]); // exactly 15
    expect(checkPasswordPolicy("čaj konvice lampa".slice(0, 14))).toEqual([`Password must be ${PASSWORD_MIN_LENGTH} characters or more`]);
    expect(checkPasswordPolicy("😀🙂😀 kettle lamps")).toEqual([]);
  });

  it(`allows up to ${PASSWORD_MAX_LENGTH} characters and no more`, () => {
    const words = "harbour lamp kettle purple ";
    expect(checkPasswordPolicy(words.repeat(10).slice(0, PASSWORD_MAX_LENGTH))).toEqual([]);
    expect(checkPasswordPolicy(words.repeat(10).slice(0, PASSWORD_MAX_LENGTH + 1))).toEqual([
      `Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
    ]);
  });

  it("refuses common and repeated passwords", () => {
    expect(checkPasswordPolicy("passwordpassword")).toEqual(["Password is too common, choose a different one"]);
    expect(checkPasswordPolicy("Password-Password")).toEqual(["Password is too common, choose a different one"]);
    expect(checkPasswordPolicy("123456789012345")).toEqual(["Password is too common, choose a different one"]);
    expect(checkPasswordPolicy("zyxwvutsrqponmlk")).toEqual(["Password is too common, choose a different one"]);
    expect(checkPasswordPolicy("aaaaaaaaaaaaaaaa")).toEqual(["Password must not be one or two characters repeated"]);
    expect(checkPasswordPolicy("abababababababab")).toEqual(["Password must not be one or two characters repeated"]);
  });

  it("refuses passwords built from the person's email or name", () => {
    expect(checkPasswordPolicy("jane.smith@example.com!!", { email: "jane.smith@example.com" })).toEqual([
      "Password must not contain the email address",
    ]);
    expect(checkPasswordPolicy("hello jane.smith kettle", { email: "Jane.Smith@example.com" })).toEqual([
      "Password must not contain the email address",
    ]);
    expect(checkPasswordPolicy("margaret kettle lamp", { name: "Margaret Oduya" })).toEqual([
      "Password must not contain the person's name",
    ]);
    // short name parts are ignored (they occur in ordinary words)
    expect(checkPasswordPolicy("harbour kettle lamp", { name: "Al Li" })).toEqual([]);
  });

  it("accepts the documented demo password for every demo account", () => {
    for (const a of DEMO_ACCOUNTS) expect(checkPasswordPolicy(DEMO_PASSWORD, { email: a.email, name: a.name })).toEqual([]);
  });
});

describe("password hashing", () => {
  it("uses argon2id with a random salt and verifies only the right password", async () => {
    const a = await hashPassword("purple kettle harbour lamp");
    const b = await hashPassword("purple kettle harbour lamp");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "purple kettle harbour lamp")).toBe(true);
    expect(await verifyPassword(a, "purple kettle harbour lamp ")).toBe(false);
    expect(await verifyPassword(a, "")).toBe(false);
  });

  it("treats Unicode compatibility forms as the same password (NFKC)", async () => {
    const h = await hashPassword("ｆｕｌｌｗｉｄｔｈ kettle lamp");
    expect(await verifyPassword(h, "fullwidth kettle lamp")).toBe(true);
  });

  it("returns false for a malformed hash instead of throwing", async () => {
    expect(await verifyPassword("not-a-hash", "anything at all here")).toBe(false);
  });
});
