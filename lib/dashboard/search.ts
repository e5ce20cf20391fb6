// The LA list's search box: forgiving of punctuation and common forms ("St Helens" finds "St. Helens",
// "Brighton & Hove" finds "Brighton and Hove", "hull" finds "Kingston upon Hull, City of"), and of
// codes (a DfE LA number "342", or any ONS code the LA has carried). Pure; the query is built from it.
import { normalizeLaName } from "@/lib/catalogue/la-names";

export type AuthoritySearch =
  | { kind: "none" }
  | { kind: "la-number"; laNumber: string }
  | { kind: "ons-code"; onsCode: string }
  /** `key` is compared with each name's comparison key (la_name.normalized): contained in it */
  | { kind: "name"; key: string };

export function parseAuthoritySearch(q: string | undefined): AuthoritySearch {
  const text = (q ?? "").trim();
  if (text === "") return { kind: "none" };
  if (/^\d{3}$/.test(text)) return { kind: "la-number", laNumber: text };
  if (/^E\d{8}$/i.test(text)) return { kind: "ons-code", onsCode: text.toUpperCase() };
  const key = normalizeLaName(text);
  return key === "" ? { kind: "none" } : { kind: "name", key };
}
