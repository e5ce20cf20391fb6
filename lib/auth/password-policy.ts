// The password policy: pure, shared by forms, actions and tests.
// NIST SP 800-63B-4 (2025) for a password that is the only factor: at least 15 characters, no
// composition rules, allow at least 64 characters, refuse values known to be common or derived
// from the account. NCSC agrees: length over complexity ("three random words").

export const PASSWORD_MIN_LENGTH = 15;
/** Long enough for any passphrase; bounded so hashing cannot be used to tie up the server. */
export const PASSWORD_MAX_LENGTH = 128;

// Common passwords and patterns of 15+ characters seen in breach corpora (lower case).
const COMMON = new Set([
  "passwordpassword",
  "password12345678",
  "123456789012345",
  "1234567890123456",
  "qwertyuiopasdfgh",
  "qwertyuiopasdfghjkl",
  "iloveyouiloveyou",
  "letmeinletmein",
  "welcome123456789",
  "administrator123",
  "changemechangeme",
  "correcthorsebatterystaple",
  "childrenssocialcare",
  "childrensservices",
  "socialworker12345",
]);

type PasswordContext = { email?: string; name?: string };

/** Problems with a proposed password, as GOV.UK-style messages; empty when it is acceptable. */
export function checkPasswordPolicy(password: string, context: PasswordContext = {}): string[] {
  const length = [...password.normalize("NFKC")].length;
  if (length === 0) return ["Enter a password"];
  if (length < PASSWORD_MIN_LENGTH) return [`Password must be ${PASSWORD_MIN_LENGTH} characters or more`];
  if (length > PASSWORD_MAX_LENGTH) return [`Password must be ${PASSWORD_MAX_LENGTH} characters or fewer`];

  const problems: string[] = [];
  const squashed = password.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (new Set(password).size <= 2) problems.push("Password must not be one or two characters repeated");
  else if (COMMON.has(squashed) || isSequence(squashed)) problems.push("Password is too common, choose a different one");

  const lower = password.toLowerCase();
  const email = context.email?.trim().toLowerCase();
  const local = email?.split("@")[0];
  if (email && (lower.includes(email) || (local && local.length >= 4 && lower.includes(local)))) {
    problems.push("Password must not contain the email address");
  }
  const names = (context.name ?? "")
    .toLowerCase()
    .split(/\s+/)
    .filter((n) => n.length >= 4);
  if (names.some((n) => lower.includes(n))) problems.push("Password must not contain the person's name");
  return problems;
}

/** "abcdefghijklmnop", "123456789012345", "987654321…": runs of consecutive characters. */
function isSequence(s: string): boolean {
  if (s.length < 8) return false;
  let up = 0;
  let down = 0;
  for (let i = 1; i < s.length; i++) {
    const d = s.charCodeAt(i) - s.charCodeAt(i - 1);
    if (d === 1 || d === -9) up++;
    if (d === -1 || d === 9) down++;
  }
  return up >= s.length - 2 || down >= s.length - 2;
}
