// Hostile input for the sign-in form (issue 8, part 4), the one form that is not behind the
// server-action wrapper: the same mutations as tests/integration/fuzz-actions.test.ts (1 MB strings,
// null bytes, lone surrogates, script, SQL-ish text, repeated fields, files, prototype keys…) applied
// to a valid form, through lib/auth/sign-in-form.ts with real sessions, limits and audit on real
// PostgreSQL.
//
// Every submission must end in a clear refusal that shows the form again (a field error, or the one
// "wrong email or password" message) and writes no session; or, only when the email and password
// were left as they were, a sign-in that goes to a path on this site. Never an exception, never the
// password echoed back, never database or stack text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitSignIn, type SignInSubmission } from "@/lib/auth/sign-in-form";
import type { AppAuth } from "@/lib/auth/server";
import { WRONG_CREDENTIALS_MESSAGE } from "@/lib/auth/schema";
import { applyMutation, describeMutation, mutationsFor, seededRng } from "../fixtures/fuzz-actions/mutate-form";
import { makeContext, makeUser, PASSWORD, testAuth } from "./auth-fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers";

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const START = Date.parse("2026-11-26T09:00:00Z");
/** Each case at its own time and address, so the failed-attempt limits (15 minutes) never mask the check being fuzzed. */
const STEP_MS = 16 * 60_000;
const FIELDS = ["email", "password", "returnTo"] as const;
const INTERNALS = /prisma|postgres|violates|constraint|stack|at \w+ \(|TypeError|ReferenceError|undefined/i;

let t: TestDatabase;
let auth: AppAuth;
let email = "";
const valid = () => ({ email, password: PASSWORD, returnTo: "/risk?region=London" });

const rng = seededRng(SEED);
/** Places an attacker would like a signed-in person sent to next (an open redirect), beside the shared hostile values. */
const OFF_SITE = [
  ["protocol-relative URL", "//evil.example/la/393"],
  ["absolute URL", "https://evil.example/"],
  ["backslash host", "/\\evil.example"],
  ["javascript: URL", "javascript:alert(document.cookie)"],
  ["tab before host", "/\t/evil.example"],
  ["encoded slashes", "/%2F%2Fevil.example"],
  // issue 14: dot segments that normalise to "//host" (new URL resolves them)
  ["dot segment then two slashes", "/.//evil.example/x"],
  ["parent segment then two slashes", "/..//evil.example"],
  ["encoded parent segment then two slashes", "/%2e%2e//evil.example"],
  ["deeper parent segments", "/la/../..//evil.example"],
] as const;
const CASES = [
  ...mutationsFor(FIELDS, "returnTo", rng, 3),
  ...OFF_SITE.map(([label, value]) => ({ kind: "value" as const, field: "returnTo", label, value })),
].map((m) => ({ m, id: describeMutation(m) }));
/** Mutations that leave the email and password as a person typed them (so signing in is right). */
const keepsCredentials = (m: (typeof CASES)[number]["m"]) =>
  m.kind === "extra-key" || ("field" in m && m.field === "returnTo" && m.kind !== "repeated" && m.kind !== "file");

beforeAll(async () => {
  t = await createTestDatabase("empty");
  auth = testAuth(t.prisma);
  email = (await makeUser(t.prisma, "dfe_analyst", null)).email; // the empty template has no LAs to belong to
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

describe(`sign-in fuzz: ${CASES.length} hostile submissions (seed ${SEED})`, () => {
  const outcomes: { id: string; submission: SignInSubmission }[] = [];

  it.each(CASES.map((c, i) => [c.id, c, i] as const))("%s", async (_id, c, i) => {
    const ctx = makeContext(t.prisma, auth, { ip: `198.51.100.${(i % 250) + 1}`, now: () => new Date(START + i * STEP_MS) });
    const sessionsBefore = await t.prisma.session.count();
    const submission = await submitSignIn(ctx, applyMutation(valid(), c.m));
    outcomes.push({ id: c.id, submission });
    const sessionsAfter = await t.prisma.session.count();

    if (submission.ok) {
      expect(keepsCredentials(c.m), `${c.id} signed in with a changed email or password`).toBe(true);
      expect(sessionsAfter).toBe(sessionsBefore + 1);
      expect(submission.redirectTo).toMatch(/^\/(?![/\\])/);
      expect(submission.redirectTo).not.toMatch(/[\u0000-\u001f\s\\]/);
      expect(new URL(submission.redirectTo, "https://csc.example.gov.uk").host).toBe("csc.example.gov.uk");
      return;
    }
    expect(sessionsAfter, "a refused sign-in wrote a session").toBe(sessionsBefore);
    const { result } = submission;
    expect(result.message).toMatch(
      /^(There is a problem|Enter the correct email address and password|You have tried to sign in too many times)/,
    );
    expect(Object.keys(result.fieldErrors ?? {}).length).toBeGreaterThan(0);
    for (const message of Object.values(result.fieldErrors ?? {})) expect(String(message)).not.toMatch(INTERNALS);
    expect(result.values?.password, "the password was echoed back").toBeUndefined();
    expect(JSON.parse(JSON.stringify(result))).toEqual(result); // plain data the action can send to the browser
  });

  it("signs in when only the page to return to is hostile, and refuses every changed email or password", () => {
    expect(outcomes).toHaveLength(CASES.length);
    const signedIn = outcomes.filter((o) => o.submission.ok).map((o) => o.id);
    expect(signedIn.length).toBeGreaterThan(5);
    const wrongCredentials = outcomes.filter((o) => !o.submission.ok && o.submission.result.message === WRONG_CREDENTIALS_MESSAGE);
    expect(wrongCredentials.length).toBeGreaterThan(3); // values that pass the schema reach the credential check and fail there
  });

  it("records every credential check in the audit log", async () => {
    const checked = outcomes.filter((o) => o.submission.ok || o.submission.result.message === WRONG_CREDENTIALS_MESSAGE).length;
    const audited = await t.prisma.auditEvent.count({ where: { action: { in: ["auth.sign_in", "auth.sign_in_failed"] } } });
    expect(audited).toBe(checked); // makeUser does not sign in; every checked submission wrote one event
  });
});
