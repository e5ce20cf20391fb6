// Hospital admissions caused by unintentional and deliberate injuries to children aged 0 to 14 (OHID
// Fingertips indicator 90284; FORMATS.md §10): the published crude rate and count, persons only, no
// deprivation breakdown. Spread into INDICATORS by ./indicators.ts.

const ROWS = { "Indicator ID": "90284", Sex: "Persons", Age: "<15 yrs", "Category Type": "" } as const;

export const HOSPITAL_INDICATORS = [
  {
    id: "injury_admissions_0_14_rate",
    series: "HOSPITAL_ADMISSIONS",
    area: "outcomes",
    label: "Hospital admissions caused by injuries, children aged 0 to 14, per 10,000",
    shortLabel: "Injury admissions (0–14)",
    // the file's own "Recent Trend" calls a rise "Increasing and getting worse"
    polarity: "HIGHER_IS_WORSE",
    unit: "RATE_PER_10K",
    decimals: 1,
    description:
      "Emergency hospital admissions caused by unintentional and deliberate injuries to children aged 0 to 14, per 10,000 children of that age (crude rate, published unrounded), from Hospital Episode Statistics. Cornwall's and Hackney's figures include the Isles of Scilly and the City of London.",
    selection: { filters: ROWS, column: "Value" },
  },
  {
    id: "injury_admissions_0_14",
    series: "HOSPITAL_ADMISSIONS",
    area: "outcomes",
    label: "Hospital admissions caused by injuries, children aged 0 to 14",
    shortLabel: "Injury admissions (0–14, number)",
    polarity: "NEUTRAL",
    unit: "COUNT",
    decimals: 0,
    description: "Emergency hospital admissions caused by unintentional and deliberate injuries to children aged 0 to 14 in the year.",
    selection: { filters: ROWS, column: "Count" },
  },
] as const;
