import { describe, expect, it } from "vitest";
import { describeOwnerChoice, OTHER_OWNER, OWNER_MESSAGES, ownerFormFields, resolveOwner, type OwnerCandidate } from "@/lib/plans/owner";

const people: OwnerCandidate[] = [
  { id: "u1", name: "Alex Manager", role: "team_manager" },
  { id: "u2", name: "Dana Director", role: "dcs" },
];

describe("resolveOwner", () => {
  it("gives the chosen person's name", () => {
    expect(resolveOwner("u2", "", people)).toEqual({ ok: true, owner: "Dana Director" });
    expect(resolveOwner("u2", "  Dana Director ", people)).toEqual({ ok: true, owner: "Dana Director" });
  });
  it("gives another person or role as typed (trimmed), whether or not 'another' was chosen", () => {
    expect(resolveOwner(OTHER_OWNER, "  Head of MASH ", people)).toEqual({ ok: true, owner: "Head of MASH" });
    expect(resolveOwner("", "Head of MASH", people)).toEqual({ ok: true, owner: "Head of MASH" });
    expect(resolveOwner(undefined, "Head of MASH", people)).toEqual({ ok: true, owner: "Head of MASH" });
  });
  it("says which field is wrong, and why", () => {
    expect(resolveOwner("", "", people)).toEqual({ ok: false, field: "ownerUserId", message: OWNER_MESSAGES.choose });
    expect(resolveOwner(undefined, undefined, people)).toEqual({ ok: false, field: "ownerUserId", message: OWNER_MESSAGES.choose });
    expect(resolveOwner(OTHER_OWNER, " ", people)).toEqual({ ok: false, field: "ownerOther", message: OWNER_MESSAGES.enterOther });
    expect(resolveOwner("u9", "", people)).toEqual({ ok: false, field: "ownerUserId", message: OWNER_MESSAGES.unknown });
    expect(resolveOwner("u1", "Someone else", people)).toEqual({ ok: false, field: "ownerOther", message: OWNER_MESSAGES.both });
    expect(resolveOwner(OTHER_OWNER, "x".repeat(121), people)).toEqual({ ok: false, field: "ownerOther", message: OWNER_MESSAGES.tooLong });
    expect(resolveOwner(OTHER_OWNER, "x".repeat(120), people)).toEqual({ ok: true, owner: "x".repeat(120) });
  });
  it("never accepts a person who is not in the list, even with a matching name typed", () => {
    expect(resolveOwner("u1", "", [])).toMatchObject({ ok: false, field: "ownerUserId" });
  });
});

describe("ownerFormFields", () => {
  it("chooses the person whose name is stored, else 'another person or role' with the text", () => {
    expect(ownerFormFields("Alex Manager", people)).toEqual({ ownerUserId: "u1", ownerOther: "" });
    expect(ownerFormFields("Head of MASH", people)).toEqual({ ownerUserId: OTHER_OWNER, ownerOther: "Head of MASH" });
    expect(ownerFormFields("", people)).toEqual({ ownerUserId: "", ownerOther: "" });
  });
  it("round-trips through resolveOwner", () => {
    for (const owner of ["Alex Manager", "Head of MASH"]) {
      const f = ownerFormFields(owner, people);
      expect(resolveOwner(f.ownerUserId, f.ownerOther, people)).toEqual({ ok: true, owner });
    }
  });
});

describe("describeOwnerChoice", () => {
  it("reads a choice back as a name, or what was typed when it does not resolve", () => {
    expect(describeOwnerChoice("u1", "", people)).toBe("Alex Manager");
    expect(describeOwnerChoice("u1", "Typed", people)).toBe("Typed");
    expect(describeOwnerChoice("", "", people)).toBe("");
  });
});
