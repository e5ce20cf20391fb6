// Password hashing: argon2id (memory-hard). No "server-only" import: the seed script hashes the demo
// passwords with the same function. The policy (pure, usable in forms) is ./password-policy.ts.
import { hash, verify } from "@node-rs/argon2";

/**
 * OWASP Password Storage Cheat Sheet minimum for argon2id: 19 MiB memory, 2 passes, 1 lane.
 * @node-rs/argon2's default algorithm is argon2id (tests check the "$argon2id$" prefix).
 */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFKC"), ARGON2_OPTIONS);
}

/** False for a wrong password or a malformed hash; never throws for bad input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize("NFKC"));
  } catch {
    return false;
  }
}
