// Local authority name normalisation, for joining files that name LAs differently (FORMATS.md §4):
// DfE "Kingston upon Hull, City of" / Ofsted 2024 "Kingston Upon Hull" / SN "Kingston Upon Hull, City of",
// DfE "County Durham" / Ofsted "Durham", "Bedford" / "Bedford Borough", "St. Helens" / "St Helens",
// "Telford and Wrekin" / "Telford & Wrekin", …
//
// The result is a comparison key, not a display name. It is deliberately conservative: it only removes
// decorations that never distinguish two English LAs. "City of London" keeps its "city of" (the LA is not
// "London"), and the former county "Dorset" stays "dorset", the same as the current unitary Dorset —
// telling those two apart is the caller's job (by code or by preferring the current LA).

/** "Kingston upon Hull, City of" → "kingston upon hull"; "Bournemouth, Christchurch & Poole" → "bournemouth christchurch and poole". */
export function normalizeLaName(name: string): string {
  let s = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`']/g, "") // apostrophes (straight and curly) vanish: "king's" → "kings"
    .replace(/&/g, " and ")
    .replace(/[\u2010-\u2015-]/g, " ") // hyphens and dashes separate words: "Southend-on-Sea" = "Southend on Sea"
    .replace(/\s+/g, " ")
    .trim();

  // "X, City of" / "X, County of" (the DfE/ONS inverted form) → "city of X" / "county of X".
  s = s.replace(/^(.*?)\s*,\s*(city|county) of$/, "$2 of $1");

  s = s
    .replace(/[.,;:()[\]"]/g, " ") // remaining punctuation: "St. Helens" → "st helens"
    .replace(/\s+/g, " ")
    .trim();

  // Council/borough decorations that name the same area: "Bedford Borough", "Durham County Council".
  s = s.replace(/ (metropolitan borough|borough|county|city|district)? ?council$/, "").replace(/ borough$/, "");
  s = s.replace(/^(london borough of|royal borough of|borough of) /, "");
  // "County Durham" / "County of Herefordshire" → "durham" / "herefordshire".
  s = s.replace(/^county (of )?(?=\S)/, "");
  // "City of Bristol" → "bristol", but the City of London is its own LA and keeps the prefix.
  if (s.startsWith("city of ") && s !== "city of london") s = s.slice("city of ".length);
  s = s.replace(/^saint /, "st ");
  return s.replace(/\s+/g, " ").trim();
}
