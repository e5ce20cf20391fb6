// Figures in the database equal the published files, checked cell by cell against the raw CSVs.
// The CSVs are read here with a tiny splitter of our own — nothing from lib/import — so a bug in the
// importer's parser, column mapping or filter selection cannot hide itself. Cells are picked by hand to
// cover England, regions (incl. Inner/Outer London), LAs across 2012–2025, every EES marker (k too),
// both joint workforce returns, former LAs, the Buckinghamshire, North Yorkshire and Barnsley ONS
// codes, revisions the 2025 releases made, academic years, and at least 8 cells of every file.
import fs from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "./helpers";

const published = path.resolve(import.meta.dirname, "../../prisma/data/published");

// ——— independent CSV reading ———

/** Splits one CSV line; handles double-quoted fields containing commas and "" escapes. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      fields.push(field);
      field = "";
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

type CsvRow = { line: number; get: (column: string) => string };
type CsvFile = { name: string; header: string[]; rows: CsvRow[] };

function readCsv(fileName: string): CsvFile {
  const text = fs.readFileSync(path.join(published, fileName), "utf8").replace(/^\uFEFF/, "");
  const lines = text.split("\n").filter((l) => l !== "");
  const header = splitCsvLine(lines[0] ?? "");
  const index = new Map(header.map((h, i) => [h, i]));
  const rows = lines.slice(1).map((l, i): CsvRow => {
    const fields = splitCsvLine(l);
    if (fields.length !== header.length) throw new Error(`${fileName} line ${i + 2}: ${fields.length} fields, header has ${header.length}`);
    return {
      line: i + 2,
      get: (column) => {
        const at = index.get(column);
        if (at === undefined) throw new Error(`${fileName}: no column "${column}" (header: ${header.join(",")})`);
        return fields[at] ?? "";
      },
    };
  });
  return { name: fileName, header, rows };
}

const FILES = {
  csww: "csww_indicators_2017_to_2024.csv",
  b1: "b1_children_in_need_2013_to_2024.csv",
  c1: "c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv",
  d3: "d3_cpps_subsequent_plan_2013_to_2024.csv",
  ons: "ons_mid-year_population_estimates_2012_to_2024.csv",
  // the 2025 releases (default data since decision 0020) and the files of the long-layout series
  csww25: "csww_indicators_2017_to_2025.csv",
  b1_25: "b1_children_in_need_2013_to_2025.csv",
  c1_25: "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
  d3_25: "d3_cpps_subsequent_plan_2013_to_2025.csv",
  d5: "d5_cpps_at31march_by_duration_2013_to_2025.csv",
  c3: "c3_factors_identified_at_end_of_assessment_2018_to_2025.csv",
  c4: "c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv",
  cla: "cla_number_and_rate_per_10k_children.csv",
  placements: "la_cla_placement_stability.csv",
  newPlacements: "la_cla_during_year_new_placements.csv",
  schoolMoves: "la_cla_school_moves.csv",
  socialWorkers: "la_cla_swcount.csv",
  leaversActivity: "la_care_leavers_activity.csv",
  leaversAccommodation: "la_care_leavers_accommodation_suitability.csv",
  healthOffending: "la_conviction_health_outcome_cla.csv",
  ks2: "ks2_la.csv",
  ks4: "ks4_la.csv",
  absence: "absence_la.csv",
} as const;
type FileKey = keyof typeof FILES;

const csv = Object.fromEntries(Object.entries(FILES).map(([key, name]) => [key, readCsv(name)])) as Record<FileKey, CsvFile>;

// ——— the sampled cells ———

type Geo =
  { level: "National" } | { level: "Regional"; code: string; name: string } | { level: "Local authority"; la: string; name: string };

type Marker = "c" | "low" | "u" | "x" | "z" | "k";

type Cell = {
  file: FileKey;
  /** the period as stored (an academic year 202425 is stored as 2025) */
  year: number;
  /** the file's time_period text, when it is not the year (academic years) */
  timePeriod?: string;
  /** a long-layout file's filter values, written out by hand (not taken from lib/catalogue) */
  filters?: Record<string, string>;
  geo: Geo;
  /** DB indicator id */
  indicator: string;
  /** column in the published file, written out by hand (not taken from lib/indicators) */
  column: string;
  /** the marker we know the file holds for this cell (a guard that we found the right row) */
  marker?: Marker;
  /** the joint return this cell belongs to, when the file row is a joint row */
  joint?: string;
  /** the ONS code the file row must carry (Buckinghamshire recode) */
  onsCode?: string;
};

const ENGLAND: Geo = { level: "National" };
const region = (code: string, name: string): Geo => ({ level: "Regional", code, name });
const la = (code: string, name: string): Geo => ({ level: "Local authority", la: code, name });

const CELLS: Cell[] = [
  // — csww (workforce, 30 September snapshot) —
  { file: "csww", year: 2024, geo: ENGLAND, indicator: "agency_rate_fte", column: "agency_rate_fte" },
  { file: "csww", year: 2024, geo: region("E12000002", "North West"), indicator: "turnover_rate_fte", column: "turnover_rate_fte" },
  { file: "csww", year: 2023, geo: region("E13000001", "Inner London"), indicator: "vacancy_rate_fte", column: "vacancy_rate_fte" },
  { file: "csww", year: 2024, geo: la("330", "Birmingham"), indicator: "agency_rate_fte", column: "agency_rate_fte", marker: "u" },
  {
    file: "csww",
    year: 2024,
    geo: la("314", "Kingston upon Thames"),
    indicator: "agency_rate_fte",
    column: "agency_rate_fte",
    joint: "CSWW:314/318",
  },
  {
    file: "csww",
    year: 2024,
    geo: la("318", "Richmond upon Thames"),
    indicator: "agency_rate_fte",
    column: "agency_rate_fte",
    joint: "CSWW:314/318",
  },
  {
    file: "csww",
    year: 2017,
    geo: la("314", "Kingston upon Thames"),
    indicator: "agency_cover_rate_fte",
    column: "agency_cover_rate_fte",
    marker: "x",
    joint: "CSWW:314/318",
  },
  {
    file: "csww",
    year: 2022,
    geo: la("940", "North Northamptonshire"),
    indicator: "caseload_fte",
    column: "caseload_fte",
    joint: "CSWW:940/941",
  },
  {
    file: "csww",
    year: 2022,
    geo: la("941", "West Northamptonshire"),
    indicator: "caseload_fte",
    column: "caseload_fte",
    joint: "CSWW:940/941",
  },
  { file: "csww", year: 2022, geo: la("909", "Cumbria (former)"), indicator: "vacancy_rate_fte", column: "vacancy_rate_fte" },
  { file: "csww", year: 2024, geo: la("394", "Sunderland"), indicator: "agency_rate_fte", column: "agency_rate_fte", marker: "low" },
  {
    file: "csww",
    year: 2024,
    geo: la("207", "Kensington and Chelsea"),
    indicator: "agency_rate_fte",
    column: "agency_rate_fte",
    marker: "x",
  },
  { file: "csww", year: 2024, geo: la("420", "Isles of Scilly"), indicator: "turnover_rate_fte", column: "turnover_rate_fte", marker: "z" },
  { file: "csww", year: 2018, geo: la("802", "North Somerset"), indicator: "absence_rate_fte", column: "absence_rate_fte", marker: "c" },
  { file: "csww", year: 2017, geo: la("304", "Brent"), indicator: "caseload_fte", column: "caseload_fte", marker: "x" },
  { file: "csww", year: 2019, geo: la("839", "Bournemouth, Christchurch and Poole"), indicator: "inpost_fte", column: "inpost_fte" },
  { file: "csww", year: 2017, geo: la("383", "Leeds"), indicator: "inpost_headcount", column: "inpost_headcount" },
  {
    file: "csww",
    year: 2020,
    geo: la("825", "Buckinghamshire"),
    indicator: "turnover_rate_fte",
    column: "turnover_rate_fte",
    onsCode: "E06000060",
  },

  // — b1 (children in need, year to 31 March) —
  { file: "b1", year: 2024, geo: ENGLAND, indicator: "cin_at31_rate", column: "At31_episodes_rate" },
  { file: "b1", year: 2013, geo: region("E12000009", "South West"), indicator: "cin_at31", column: "At31_episodes" },
  { file: "b1", year: 2020, geo: la("928", "Northamptonshire (former)"), indicator: "cin_at31_rate", column: "At31_episodes_rate" },
  {
    file: "b1",
    year: 2020,
    geo: la("825", "Buckinghamshire"),
    indicator: "cin_anypoint_child",
    column: "Anypoint_child",
    onsCode: "E10000002",
  },
  {
    file: "b1",
    year: 2021,
    geo: la("825", "Buckinghamshire"),
    indicator: "cin_anypoint_child",
    column: "Anypoint_child",
    onsCode: "E06000060",
  },
  { file: "b1", year: 2024, geo: la("850", "Hampshire"), indicator: "cin_at31_rate", column: "At31_episodes_rate", marker: "u" },
  { file: "b1", year: 2024, geo: la("359", "Wigan"), indicator: "cin_awaiting_assessment", column: "Awaiting_assessment", marker: "c" },
  { file: "b1", year: 2022, geo: la("204", "Hackney"), indicator: "cin_anypoint_child", column: "Anypoint_child", marker: "x" },
  { file: "b1", year: 2016, geo: la("801", "Bristol, City of"), indicator: "cin_started_episodes_rate", column: "Started_episodes_rate" },

  // — c1 (referrals and re-referrals) —
  { file: "c1", year: 2024, geo: ENGLAND, indicator: "re_referrals_percent", column: "Re_referrals_percent" },
  { file: "c1", year: 2019, geo: region("E13000002", "Outer London"), indicator: "re_referrals_percent", column: "Re_referrals_percent" },
  { file: "c1", year: 2015, geo: la("836", "Poole (former)"), indicator: "referrals", column: "Referrals" },
  { file: "c1", year: 2017, geo: la("420", "Isles of Scilly"), indicator: "referrals_rate", column: "Referrals_rate", marker: "c" },
  { file: "c1", year: 2024, geo: la("884", "Herefordshire, County of"), indicator: "referrals", column: "Referrals", marker: "u" },
  {
    file: "c1",
    year: 2020,
    geo: la("839", "Bournemouth, Christchurch and Poole"),
    indicator: "re_referrals_percent",
    column: "Re_referrals_percent",
    marker: "x",
  },
  {
    file: "c1",
    year: 2024,
    geo: la("810", "Kingston upon Hull, City of"),
    indicator: "referrals_nfa_percent",
    column: "No_Further_Action_percent",
  },
  { file: "c1", year: 2013, geo: la("352", "Manchester"), indicator: "referrals_child", column: "Referrals_child" },

  // — d3 (repeat child protection plans) —
  { file: "d3", year: 2024, geo: ENGLAND, indicator: "cpp_subsequent_percent", column: "CPP_subsequent_percent" },
  { file: "d3", year: 2018, geo: region("E12000004", "East Midlands"), indicator: "cpp_subsequent", column: "CPP_subsequent" },
  {
    file: "d3",
    year: 2024,
    geo: la("420", "Isles of Scilly"),
    indicator: "cpp_subsequent_percent",
    column: "CPP_subsequent_percent",
    marker: "z",
  },
  { file: "d3", year: 2013, geo: la("926", "Norfolk"), indicator: "cpp_starts", column: "CPP_start", marker: "x" },
  { file: "d3", year: 2024, geo: la("201", "City of London"), indicator: "cpp_subsequent", column: "CPP_subsequent", marker: "c" },
  { file: "d3", year: 2024, geo: la("942", "Cumberland"), indicator: "cpp_subsequent_percent", column: "CPP_subsequent_percent" },
  { file: "d3", year: 2021, geo: la("933", "Somerset"), indicator: "cpp_starts", column: "CPP_start", onsCode: "E10000027" },
  {
    file: "d3",
    year: 2024,
    geo: region("E13000001", "Inner London"),
    indicator: "cpp_subsequent_percent",
    column: "CPP_subsequent_percent",
  },

  // — ons (children aged 0–17, mid-year) —
  { file: "ons", year: 2024, geo: ENGLAND, indicator: "population_0_17", column: "population_estimate" },
  { file: "ons", year: 2020, geo: region("E12000007", "London"), indicator: "population_0_17", column: "population_estimate" },
  { file: "ons", year: 2012, geo: la("330", "Birmingham"), indicator: "population_0_17", column: "population_estimate" },
  { file: "ons", year: 2018, geo: la("836", "Poole (former)"), indicator: "population_0_17", column: "population_estimate", marker: "x" },
  { file: "ons", year: 2022, geo: la("909", "Cumbria (former)"), indicator: "population_0_17", column: "population_estimate" },
  { file: "ons", year: 2023, geo: la("943", "Westmorland and Furness"), indicator: "population_0_17", column: "population_estimate" },
  { file: "ons", year: 2012, geo: ENGLAND, indicator: "population_0_17", column: "population_estimate" },
  {
    file: "ons",
    year: 2024,
    geo: la("370", "Barnsley"),
    indicator: "population_0_17",
    column: "population_estimate",
    onsCode: "E08000016",
  },

  // — the 2025 releases and the long-layout files (the published text after each cell) —
  { file: "csww25", year: 2025, geo: ENGLAND, indicator: "agency_rate_fte", column: "agency_rate_fte" }, // 13
  { file: "csww25", year: 2025, geo: ENGLAND, indicator: "turnover_rate_fte", column: "turnover_rate_fte" }, // 11.8
  { file: "csww25", year: 2025, geo: ENGLAND, indicator: "vacancy_rate_fte", column: "vacancy_rate_fte" }, // 14.2
  { file: "csww25", year: 2025, geo: ENGLAND, indicator: "caseload_fte", column: "caseload_fte" }, // 15.2
  { file: "csww25", year: 2024, geo: ENGLAND, indicator: "turnover_rate_fte", column: "turnover_rate_fte" }, // 13.9
  { file: "csww25", year: 2024, geo: la("394", "Sunderland"), indicator: "turnover_rate_fte", column: "turnover_rate_fte", marker: "u" }, // u
  {
    file: "csww25",
    year: 2025,
    geo: la("314", "Kingston upon Thames"),
    indicator: "agency_rate_fte",
    column: "agency_rate_fte",
    joint: "CSWW:314/318",
  }, // 14.9
  {
    file: "csww25",
    year: 2025,
    geo: la("318", "Richmond upon Thames"),
    indicator: "agency_rate_fte",
    column: "agency_rate_fte",
    joint: "CSWW:314/318",
  }, // 14.9
  {
    file: "csww25",
    year: 2025,
    geo: la("941", "West Northamptonshire"),
    indicator: "caseload_fte",
    column: "caseload_fte",
    joint: "CSWW:940/941",
  }, // 14.8
  { file: "csww25", year: 2025, geo: la("394", "Sunderland"), indicator: "agency_rate_fte", column: "agency_rate_fte", marker: "low" }, // low
  {
    file: "csww25",
    year: 2025,
    geo: la("207", "Kensington and Chelsea"),
    indicator: "turnover_rate_fte",
    column: "turnover_rate_fte",
    marker: "x",
  }, // x
  {
    file: "csww25",
    year: 2025,
    geo: la("420", "Isles of Scilly"),
    indicator: "turnover_rate_fte",
    column: "turnover_rate_fte",
    marker: "z",
  }, // z
  { file: "csww25", year: 2025, geo: la("370", "Barnsley"), indicator: "inpost_fte", column: "inpost_fte", onsCode: "E08000038" }, // 208.2
  { file: "csww25", year: 2024, geo: la("370", "Barnsley"), indicator: "inpost_fte", column: "inpost_fte", onsCode: "E08000016" }, // 185
  { file: "csww25", year: 2025, geo: region("E13000002", "Outer London"), indicator: "vacancy_rate_fte", column: "vacancy_rate_fte" }, // 20.5
  { file: "b1_25", year: 2025, geo: ENGLAND, indicator: "cin_at31", column: "At31_episodes" }, // 402400
  { file: "b1_25", year: 2025, geo: region("E12000004", "East Midlands"), indicator: "cin_started_child", column: "Started_child" }, // 27230
  { file: "b1_25", year: 2025, geo: la("330", "Birmingham"), indicator: "cin_at31", column: "At31_episodes" }, // 9301
  {
    file: "b1_25",
    year: 2024,
    geo: la("884", "Herefordshire, County of"),
    indicator: "cin_started_episodes",
    column: "Started_episodes",
    marker: "u",
  }, // u
  { file: "b1_25", year: 2022, geo: la("204", "Hackney"), indicator: "cin_anypoint_child", column: "Anypoint_child", marker: "x" }, // x
  {
    file: "b1_25",
    year: 2025,
    geo: la("370", "Barnsley"),
    indicator: "cin_awaiting_assessment",
    column: "awaiting_assessment",
    onsCode: "E08000016",
  }, // 22
  { file: "b1_25", year: 2024, geo: la("942", "Cumberland"), indicator: "cin_ended_child", column: "Ended_child" }, // 1275
  {
    file: "b1_25",
    year: 2021,
    geo: la("825", "Buckinghamshire"),
    indicator: "cin_anypoint_child",
    column: "Anypoint_child",
    onsCode: "E06000060",
  }, // 7635
  { file: "c1_25", year: 2025, geo: ENGLAND, indicator: "re_referrals_percent", column: "rereferral_percent" }, // 22.6
  { file: "c1_25", year: 2025, geo: region("E13000001", "Inner London"), indicator: "referrals", column: "referral_count" }, // 38810
  { file: "c1_25", year: 2024, geo: la("302", "Barnet"), indicator: "referrals_nfa", column: "no_further_action_count", marker: "u" }, // u
  {
    file: "c1_25",
    year: 2024,
    geo: la("302", "Barnet"),
    indicator: "referrals_nfa_percent",
    column: "no_further_action_percent",
    marker: "u",
  }, // u
  { file: "c1_25", year: 2025, geo: la("352", "Manchester"), indicator: "referrals_child", column: "referral_child_count" }, // 5779
  { file: "c1_25", year: 2025, geo: la("201", "City of London"), indicator: "re_referrals", column: "rereferral_count" }, // 9
  {
    file: "c1_25",
    year: 2020,
    geo: la("839", "Bournemouth, Christchurch and Poole"),
    indicator: "re_referrals_percent",
    column: "rereferral_percent",
    marker: "x",
  }, // x
  {
    file: "c1_25",
    year: 2025,
    geo: la("943", "Westmorland and Furness"),
    indicator: "re_referrals_child_percent",
    column: "rereferral_child_percent",
  }, // 15.9
  { file: "d3_25", year: 2025, geo: ENGLAND, indicator: "cpp_subsequent_percent", column: "CPP_subsequent_percent" }, // 24.5
  { file: "d3_25", year: 2022, geo: ENGLAND, indicator: "cpp_subsequent", column: "CPP_subsequent" }, // 14550
  {
    file: "d3_25",
    year: 2022,
    geo: region("E12000003", "Yorkshire and The Humber"),
    indicator: "cpp_subsequent_percent",
    column: "CPP_subsequent_percent",
  }, // 23.6
  {
    file: "d3_25",
    year: 2022,
    geo: la("371", "Doncaster"),
    indicator: "cpp_subsequent_percent",
    column: "CPP_subsequent_percent",
    marker: "u",
  }, // u
  {
    file: "d3_25",
    year: 2024,
    geo: la("420", "Isles of Scilly"),
    indicator: "cpp_subsequent_percent",
    column: "CPP_subsequent_percent",
    marker: "z",
  }, // z
  { file: "d3_25", year: 2025, geo: la("201", "City of London"), indicator: "cpp_subsequent", column: "CPP_subsequent" }, // 0
  { file: "d3_25", year: 2013, geo: la("926", "Norfolk"), indicator: "cpp_starts", column: "CPP_start", marker: "x" }, // x
  { file: "d3_25", year: 2025, geo: la("330", "Birmingham"), indicator: "cpp_starts", column: "CPP_start" }, // 1936
  { file: "d5", year: 2025, geo: ENGLAND, indicator: "cpp_2_years_or_more_percent", column: "2_years_or_more_percent" }, // 2.3
  { file: "d5", year: 2025, geo: ENGLAND, indicator: "cpp_at31", column: "CPP_At31" }, // 49420
  { file: "d5", year: 2025, geo: region("E12000002", "North West"), indicator: "cpp_at31", column: "CPP_At31" }, // 8280
  { file: "d5", year: 2025, geo: la("330", "Birmingham"), indicator: "cpp_2_years_or_more", column: "2_years_or_more" }, // 32
  { file: "d5", year: 2024, geo: la("850", "Hampshire"), indicator: "cpp_at31", column: "CPP_At31", marker: "u" }, // u
  { file: "d5", year: 2021, geo: la("204", "Hackney"), indicator: "cpp_3_months_or_less", column: "3_months_or_less", marker: "x" }, // x
  {
    file: "d5",
    year: 2024,
    geo: la("420", "Isles of Scilly"),
    indicator: "cpp_2_years_or_more_percent",
    column: "2_years_or_more_percent",
    marker: "z",
  }, // z
  {
    file: "d5",
    year: 2025,
    geo: la("201", "City of London"),
    indicator: "cpp_1_to_2_years",
    column: "1_year_less_than_2_years",
    marker: "c",
  }, // c
  { file: "d5", year: 2019, geo: la("836", "Poole"), indicator: "cpp_at31", column: "CPP_At31" }, // 74
  { file: "c3", year: 2025, geo: ENGLAND, indicator: "factor_domestic_abuse_parent", column: "Domestic_Abuse_parent" }, // 162890
  { file: "c3", year: 2025, geo: ENGLAND, indicator: "assessments_with_factors", column: "Episodes_with_assessment_factor" }, // 513250
  { file: "c3", year: 2025, geo: region("E12000007", "London"), indicator: "factor_mental_health_parent", column: "Mental_Health_parent" }, // 21830
  { file: "c3", year: 2025, geo: la("330", "Birmingham"), indicator: "factor_neglect", column: "Neglect" }, // 1585
  {
    file: "c3",
    year: 2024,
    geo: la("884", "Herefordshire, County of"),
    indicator: "factor_emotional_abuse",
    column: "Emotional_Abuse",
    marker: "u",
  }, // u
  {
    file: "c3",
    year: 2021,
    geo: la("204", "Hackney"),
    indicator: "factor_domestic_abuse_child",
    column: "Domestic_Abuse_child",
    marker: "x",
  }, // x
  {
    file: "c3",
    year: 2019,
    geo: la("420", "Isles of Scilly"),
    indicator: "factor_mental_health_child",
    column: "Mental_Health_child",
    marker: "z",
  }, // z
  {
    file: "c3",
    year: 2020,
    geo: la("330", "Birmingham"),
    indicator: "factor_child_criminal_exploitation",
    column: "Child_criminal_exploitation",
    marker: "x",
  }, // x
  {
    file: "c3",
    year: 2025,
    geo: la("201", "City of London"),
    indicator: "factor_child_sexual_exploitation",
    column: "Child_sexual_exploitation",
  }, // 0
  { file: "c4", year: 2025, geo: ENGLAND, indicator: "s47_enquiries", column: "Section47" }, // 230590
  { file: "c4", year: 2025, geo: ENGLAND, indicator: "icpc", column: "ICPC" }, // 72100
  { file: "c4", year: 2025, geo: ENGLAND, indicator: "icpc_0_10_days", column: "Duration_0-10_days" }, // 6240
  { file: "c4", year: 2025, geo: region("E12000001", "North East"), indicator: "icpc_duration_median", column: "Duration_median" }, // 14
  { file: "c4", year: 2025, geo: la("330", "Birmingham"), indicator: "icpc_11_15_days", column: "Duration_11-15_days" }, // 1618
  { file: "c4", year: 2025, geo: la("201", "City of London"), indicator: "icpc", column: "ICPC", marker: "c" }, // c
  { file: "c4", year: 2022, geo: la("204", "Hackney"), indicator: "s47_enquiries", column: "Section47", marker: "x" }, // x
  { file: "c4", year: 2024, geo: la("850", "Hampshire"), indicator: "icpc_children", column: "ICPC_child", marker: "u" }, // u
  { file: "c4", year: 2014, geo: la("420", "Isles of Scilly"), indicator: "icpc_duration_median", column: "Duration_median" }, // 7
  {
    file: "cla",
    year: 2025,
    geo: ENGLAND,
    indicator: "cla_at31",
    column: "children_count",
    filters: { population_type: "Children looked after on 31 March each year" },
  }, // 81770
  {
    file: "cla",
    year: 2025,
    geo: ENGLAND,
    indicator: "cla_at31_rate",
    column: "rate_per_10000",
    filters: { population_type: "Children looked after on 31 March each year" },
  }, // 67
  {
    file: "cla",
    year: 2025,
    geo: ENGLAND,
    indicator: "cla_started_rate",
    column: "rate_per_10000",
    filters: { population_type: "Children starting to be looked after each year" },
  }, // 26
  {
    file: "cla",
    year: 2025,
    geo: region("E13000002", "Outer London"),
    indicator: "cla_at31",
    column: "children_count",
    filters: { population_type: "Children looked after on 31 March each year" },
  }, // 5500
  {
    file: "cla",
    year: 2025,
    geo: la("370", "Barnsley"),
    indicator: "cla_at31",
    column: "children_count",
    filters: { population_type: "Children looked after on 31 March each year" },
    onsCode: "E08000016",
  }, // 366
  {
    file: "cla",
    year: 2025,
    geo: la("201", "City of London"),
    indicator: "cla_at31",
    column: "children_count",
    filters: { population_type: "Children looked after on 31 March each year" },
    marker: "c",
  }, // c
  {
    file: "cla",
    year: 2025,
    geo: la("420", "Isles of Scilly"),
    indicator: "cla_at31_rate",
    column: "rate_per_10000",
    filters: { population_type: "Children looked after on 31 March each year" },
    marker: "z",
  }, // z
  {
    file: "cla",
    year: 2023,
    geo: la("909", "Cumbria"),
    indicator: "cla_at31",
    column: "children_count",
    filters: { population_type: "Children looked after on 31 March each year" },
  }, // 740
  {
    file: "cla",
    year: 2025,
    geo: la("825", "Buckinghamshire"),
    indicator: "cla_population_0_17",
    column: "population_estimate",
    filters: { population_type: "Children looked after on 31 March each year" },
    onsCode: "E06000060",
  }, // 130466
  {
    file: "placements",
    year: 2025,
    geo: ENGLAND,
    indicator: "cla_3plus_placements_percent",
    column: "children_percent",
    filters: { cla_group: "CLA on 31 March", placement_stability: "With 3 or more placements during the year" },
  }, // 10
  {
    file: "placements",
    year: 2025,
    geo: ENGLAND,
    indicator: "cla_same_carer_2y_percent",
    column: "children_percent",
    filters: {
      cla_group: "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
      placement_stability: "Living with the same carer for at least 2 years",
    },
  }, // 69
  {
    file: "placements",
    year: 2025,
    geo: region("E12000006", "East of England"),
    indicator: "cla_3plus_placements",
    column: "children_count",
    filters: { cla_group: "CLA on 31 March", placement_stability: "With 3 or more placements during the year" },
  }, // 740
  {
    file: "placements",
    year: 2025,
    geo: la("330", "Birmingham"),
    indicator: "cla_3plus_placements_percent",
    column: "children_percent",
    filters: { cla_group: "CLA on 31 March", placement_stability: "With 3 or more placements during the year" },
  }, // 9
  {
    file: "placements",
    year: 2025,
    geo: la("857", "Rutland"),
    indicator: "cla_3plus_placements_percent",
    column: "children_percent",
    filters: { cla_group: "CLA on 31 March", placement_stability: "With 3 or more placements during the year" },
    marker: "c",
  }, // c
  {
    file: "placements",
    year: 2025,
    geo: la("207", "Kensington and Chelsea"),
    indicator: "cla_same_carer_2y_percent",
    column: "children_percent",
    filters: {
      cla_group: "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
      placement_stability: "Living with the same carer for at least 2 years",
    },
    marker: "c",
  }, // c
  {
    file: "placements",
    year: 2025,
    geo: la("420", "Isles of Scilly"),
    indicator: "cla_same_carer_2y_percent",
    column: "children_percent",
    filters: {
      cla_group: "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
      placement_stability: "Living with the same carer for at least 2 years",
    },
    marker: "z",
  }, // z
  {
    file: "placements",
    year: 2021,
    geo: la("928", "Northamptonshire"),
    indicator: "cla_3plus_placements_percent",
    column: "children_percent",
    filters: { cla_group: "CLA on 31 March", placement_stability: "With 3 or more placements during the year" },
  }, // 9
  {
    file: "newPlacements",
    year: 2025,
    geo: ENGLAND,
    indicator: "cla_new_placements_outside_20_miles_percent",
    column: "children_percent",
    filters: {
      characteristic: "Location of new placements during the year",
      breakdown: "Placed outside LA boundary more than 20 miles from home",
    },
  }, // 16
  {
    file: "newPlacements",
    year: 2025,
    geo: ENGLAND,
    indicator: "cla_new_placements",
    column: "children_count",
    filters: { characteristic: "Location of new placements during the year", breakdown: "Total new placements" },
  }, // 90930
  {
    file: "newPlacements",
    year: 2025,
    geo: region("E12000007", "London"),
    indicator: "cla_new_placements_inside_20_miles_percent",
    column: "children_percent",
    filters: {
      characteristic: "Location of new placements during the year",
      breakdown: "Placed inside LA boundary more than 20 miles from home",
    },
    marker: "k",
  }, // k
  {
    file: "newPlacements",
    year: 2025,
    geo: la("352", "Manchester"),
    indicator: "cla_new_placements_outside_20_miles_percent",
    column: "children_percent",
    filters: {
      characteristic: "Location of new placements during the year",
      breakdown: "Placed outside LA boundary more than 20 miles from home",
    },
    marker: "c",
  }, // c
  {
    file: "newPlacements",
    year: 2025,
    geo: la("330", "Birmingham"),
    indicator: "cla_new_placements_outside_20_miles",
    column: "children_count",
    filters: {
      characteristic: "Location of new placements during the year",
      breakdown: "Placed outside LA boundary more than 20 miles from home",
    },
  }, // 228
  {
    file: "newPlacements",
    year: 2025,
    geo: la("420", "Isles of Scilly"),
    indicator: "cla_new_placements_outside_20_miles_percent",
    column: "children_percent",
    filters: {
      characteristic: "Location of new placements during the year",
      breakdown: "Placed outside LA boundary more than 20 miles from home",
    },
    marker: "z",
  }, // z
  {
    file: "newPlacements",
    year: 2024,
    geo: la("942", "Cumberland"),
    indicator: "cla_new_placements",
    column: "children_count",
    filters: { characteristic: "Location of new placements during the year", breakdown: "Total new placements" },
  }, // 727
  {
    file: "newPlacements",
    year: 2024,
    geo: la("806", "Middlesbrough"),
    indicator: "cla_new_placements_inside_20_miles_percent",
    column: "children_percent",
    filters: {
      characteristic: "Location of new placements during the year",
      breakdown: "Placed inside LA boundary more than 20 miles from home",
    },
    marker: "c",
  }, // c
  {
    file: "schoolMoves",
    year: 2024,
    geo: ENGLAND,
    indicator: "cla_midyear_school_move_percent",
    column: "percentage",
    filters: {
      cla_group: "CLA on 31 March",
      move_measure: "Mid-year moves",
      school_stability: "With one or more mid-year moves during the year",
    },
  }, // 8
  {
    file: "schoolMoves",
    year: 2020,
    geo: ENGLAND,
    indicator: "cla_midyear_school_move_percent",
    column: "percentage",
    filters: {
      cla_group: "CLA on 31 March",
      move_measure: "Mid-year moves",
      school_stability: "With one or more mid-year moves during the year",
    },
    marker: "x",
  }, // x
  {
    file: "schoolMoves",
    year: 2024,
    geo: region("E12000008", "South East"),
    indicator: "cla_midyear_school_move_percent",
    column: "percentage",
    filters: {
      cla_group: "CLA on 31 March",
      move_measure: "Mid-year moves",
      school_stability: "With one or more mid-year moves during the year",
    },
  }, // 10
  {
    file: "schoolMoves",
    year: 2024,
    geo: la("857", "Rutland"),
    indicator: "cla_midyear_school_move_percent",
    column: "percentage",
    filters: {
      cla_group: "CLA on 31 March",
      move_measure: "Mid-year moves",
      school_stability: "With one or more mid-year moves during the year",
    },
    marker: "c",
  }, // c
  {
    file: "schoolMoves",
    year: 2024,
    geo: la("420", "Isles of Scilly"),
    indicator: "cla_midyear_school_move_percent",
    column: "percentage",
    filters: {
      cla_group: "CLA on 31 March",
      move_measure: "Mid-year moves",
      school_stability: "With one or more mid-year moves during the year",
    },
    marker: "z",
  }, // z
  {
    file: "schoolMoves",
    year: 2023,
    geo: la("330", "Birmingham"),
    indicator: "cla_midyear_school_move_percent",
    column: "percentage",
    filters: {
      cla_group: "CLA on 31 March",
      move_measure: "Mid-year moves",
      school_stability: "With one or more mid-year moves during the year",
    },
  }, // 8
  {
    file: "schoolMoves",
    year: 2022,
    geo: la("909", "Cumbria"),
    indicator: "cla_midyear_school_move_percent",
    column: "percentage",
    filters: {
      cla_group: "CLA on 31 March",
      move_measure: "Mid-year moves",
      school_stability: "With one or more mid-year moves during the year",
    },
  }, // 8
  {
    file: "schoolMoves",
    year: 2024,
    geo: la("205", "Hammersmith and Fulham"),
    indicator: "cla_midyear_school_move_percent",
    column: "percentage",
    filters: {
      cla_group: "CLA on 31 March",
      move_measure: "Mid-year moves",
      school_stability: "With one or more mid-year moves during the year",
    },
    marker: "c",
  }, // c
  {
    file: "socialWorkers",
    year: 2024,
    geo: ENGLAND,
    indicator: "cla_3plus_social_workers_percent",
    column: "percentage",
    filters: { cla_group: "CLA on 31 March", sw_stability: "3 or more social workers during the year" },
  }, // 27
  {
    file: "socialWorkers",
    year: 2024,
    geo: ENGLAND,
    indicator: "cla_3plus_social_workers",
    column: "number",
    filters: { cla_group: "CLA on 31 March", sw_stability: "3 or more social workers during the year" },
  }, // 22140
  {
    file: "socialWorkers",
    year: 2024,
    geo: region("E13000001", "Inner London"),
    indicator: "cla_3plus_social_workers_percent",
    column: "percentage",
    filters: { cla_group: "CLA on 31 March", sw_stability: "3 or more social workers during the year" },
  }, // 22
  {
    file: "socialWorkers",
    year: 2024,
    geo: la("302", "Barnet"),
    indicator: "cla_3plus_social_workers_percent",
    column: "percentage",
    filters: { cla_group: "CLA on 31 March", sw_stability: "3 or more social workers during the year" },
    marker: "x",
  }, // x
  {
    file: "socialWorkers",
    year: 2024,
    geo: la("420", "Isles of Scilly"),
    indicator: "cla_3plus_social_workers_percent",
    column: "percentage",
    filters: { cla_group: "CLA on 31 March", sw_stability: "3 or more social workers during the year" },
    marker: "z",
  }, // z
  {
    file: "socialWorkers",
    year: 2024,
    geo: la("330", "Birmingham"),
    indicator: "cla_3plus_social_workers_percent",
    column: "percentage",
    filters: { cla_group: "CLA on 31 March", sw_stability: "3 or more social workers during the year" },
  }, // 24
  {
    file: "socialWorkers",
    year: 2024,
    geo: la("370", "Barnsley"),
    indicator: "cla_3plus_social_workers",
    column: "number",
    filters: { cla_group: "CLA on 31 March", sw_stability: "3 or more social workers during the year" },
    onsCode: "E08000016",
  }, // 123
  {
    file: "socialWorkers",
    year: 2024,
    geo: la("942", "Cumberland"),
    indicator: "cla_3plus_social_workers_percent",
    column: "percentage",
    filters: { cla_group: "CLA on 31 March", sw_stability: "3 or more social workers during the year" },
  }, // 32
  {
    file: "leaversActivity",
    year: 2025,
    geo: ENGLAND,
    indicator: "care_leavers_eet_19_21_percent",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "19 to 21 years", breakdown: "Total in education, employment or training" },
  }, // 54
  {
    file: "leaversActivity",
    year: 2025,
    geo: ENGLAND,
    indicator: "care_leavers_eet_17_18_percent",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "17 to 18 years", breakdown: "Total in education, employment or training" },
  }, // 64
  {
    file: "leaversActivity",
    year: 2025,
    geo: region("E12000009", "South West"),
    indicator: "care_leavers_neet_19_21_percent",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "19 to 21 years", breakdown: "Total not in education, employment or training" },
  }, // 40
  {
    file: "leaversActivity",
    year: 2025,
    geo: la("201", "City of London"),
    indicator: "care_leavers_eet_19_21_percent",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "19 to 21 years", breakdown: "Total in education, employment or training" },
  }, // 72
  {
    file: "leaversActivity",
    year: 2025,
    geo: la("420", "Isles of Scilly"),
    indicator: "care_leavers_eet_19_21_percent",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "19 to 21 years", breakdown: "Total in education, employment or training" },
    marker: "z",
  }, // z
  {
    file: "leaversActivity",
    year: 2025,
    geo: la("330", "Birmingham"),
    indicator: "care_leavers_19_21",
    column: "care_leaver_count",
    filters: { care_leaver_age: "19 to 21 years", breakdown: "Total" },
  }, // 850
  {
    file: "leaversActivity",
    year: 2025,
    geo: la("857", "Rutland"),
    indicator: "care_leavers_neet_19_21_percent",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "19 to 21 years", breakdown: "Total not in education, employment or training" },
    marker: "c",
  }, // c
  {
    file: "leaversActivity",
    year: 2021,
    geo: la("928", "Northamptonshire"),
    indicator: "care_leavers_eet_19_21_percent",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "19 to 21 years", breakdown: "Total in education, employment or training" },
  }, // 46
  {
    file: "leaversAccommodation",
    year: 2025,
    geo: ENGLAND,
    indicator: "care_leavers_suitable_19_21_percent",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "19 to 21 years", breakdown: "Accommodation considered suitable" },
  }, // 89
  {
    file: "leaversAccommodation",
    year: 2025,
    geo: ENGLAND,
    indicator: "care_leavers_suitable_17_18_percent",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "17 to 18 years", breakdown: "Accommodation considered suitable" },
  }, // 91
  {
    file: "leaversAccommodation",
    year: 2025,
    geo: region("E12000002", "North West"),
    indicator: "care_leavers_suitable_19_21_percent",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "19 to 21 years", breakdown: "Accommodation considered suitable" },
  }, // 91
  {
    file: "leaversAccommodation",
    year: 2025,
    geo: la("889", "Blackburn with Darwen"),
    indicator: "care_leavers_suitable_19_21_percent",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "19 to 21 years", breakdown: "Accommodation considered suitable" },
  }, // 93
  {
    file: "leaversAccommodation",
    year: 2025,
    geo: la("420", "Isles of Scilly"),
    indicator: "care_leavers_suitable_19_21_percent",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "19 to 21 years", breakdown: "Accommodation considered suitable" },
    marker: "z",
  }, // z
  {
    file: "leaversAccommodation",
    year: 2025,
    geo: la("330", "Birmingham"),
    indicator: "care_leavers_suitable_17_18_percent",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "17 to 18 years", breakdown: "Accommodation considered suitable" },
  }, // 94
  {
    file: "leaversAccommodation",
    year: 2025,
    geo: la("942", "Cumberland"),
    indicator: "care_leavers_suitable_19_21_percent",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "19 to 21 years", breakdown: "Accommodation considered suitable" },
  }, // 73
  {
    file: "leaversAccommodation",
    year: 2023,
    geo: la("909", "Cumbria"),
    indicator: "care_leavers_suitable_19_21_percent",
    column: "care_leaver_percent",
    filters: { care_leaver_age: "19 to 21 years", breakdown: "Accommodation considered suitable" },
  }, // 96
  {
    file: "healthOffending",
    year: 2025,
    geo: ENGLAND,
    indicator: "cla_convicted_percent",
    column: "children_percent",
    filters: {
      characteristic: "Convictions: Children looked after Ages 10 to 17 years",
      breakdown: "Convicted or subject to youth cautions, or youth conditional cautions during the year",
    },
  }, // 2
  {
    file: "healthOffending",
    year: 2025,
    geo: ENGLAND,
    indicator: "cla_sdq_average",
    column: "children_count",
    filters: { characteristic: "Ages 5 to 16 years with SDQ score", breakdown: "SDQ average score" },
  }, // 14.9
  {
    file: "healthOffending",
    year: 2025,
    geo: ENGLAND,
    indicator: "cla_health_assessment_percent",
    column: "children_percent",
    filters: { characteristic: "Health assessments: Children looked after all ages", breakdown: "Had their annual health assessment" },
  }, // 90
  {
    file: "healthOffending",
    year: 2025,
    geo: region("E12000007", "London"),
    indicator: "cla_convicted_percent",
    column: "children_percent",
    filters: {
      characteristic: "Convictions: Children looked after Ages 10 to 17 years",
      breakdown: "Convicted or subject to youth cautions, or youth conditional cautions during the year",
    },
  }, // 3
  {
    file: "healthOffending",
    year: 2025,
    geo: la("390", "Gateshead"),
    indicator: "cla_convicted_percent",
    column: "children_percent",
    filters: {
      characteristic: "Convictions: Children looked after Ages 10 to 17 years",
      breakdown: "Convicted or subject to youth cautions, or youth conditional cautions during the year",
    },
    marker: "c",
  }, // c
  {
    file: "healthOffending",
    year: 2025,
    geo: la("420", "Isles of Scilly"),
    indicator: "cla_sdq_average",
    column: "children_count",
    filters: { characteristic: "Ages 5 to 16 years with SDQ score", breakdown: "SDQ average score" },
    marker: "z",
  }, // z
  {
    file: "healthOffending",
    year: 2025,
    geo: la("201", "City of London"),
    indicator: "cla_health_assessment_percent",
    column: "children_percent",
    filters: { characteristic: "Health assessments: Children looked after all ages", breakdown: "Had their annual health assessment" },
    marker: "c",
  }, // c
  {
    file: "healthOffending",
    year: 2025,
    geo: la("330", "Birmingham"),
    indicator: "cla_sdq_average",
    column: "children_count",
    filters: { characteristic: "Ages 5 to 16 years with SDQ score", breakdown: "SDQ average score" },
  }, // 13.7
  {
    file: "ks2",
    year: 2025,
    timePeriod: "202425",
    geo: ENGLAND,
    indicator: "ks2_rwm_cla_percent",
    column: "pt_rwm_met_expected_standard",
    filters: { social_care_group: "CLA 12 months at 31 March" },
  }, // 35
  {
    file: "ks2",
    year: 2025,
    timePeriod: "202425",
    geo: ENGLAND,
    indicator: "ks2_rwm_cin_percent",
    column: "pt_rwm_met_expected_standard",
    filters: { social_care_group: "CINO at 31 March" },
  }, // 30
  {
    file: "ks2",
    year: 2025,
    timePeriod: "202425",
    geo: region("E12000003", "Yorkshire and The Humber"),
    indicator: "ks2_rwm_cpp_percent",
    column: "pt_rwm_met_expected_standard",
    filters: { social_care_group: "CPPO at 31 March" },
  }, // 32
  {
    file: "ks2",
    year: 2025,
    timePeriod: "202425",
    geo: la("841", "Darlington"),
    indicator: "ks2_rwm_cla_percent",
    column: "pt_rwm_met_expected_standard",
    filters: { social_care_group: "CLA 12 months at 31 March" },
    marker: "c",
  }, // c
  {
    file: "ks2",
    year: 2025,
    timePeriod: "202425",
    geo: la("420", "Isles of Scilly"),
    indicator: "ks2_rwm_cla_percent",
    column: "pt_rwm_met_expected_standard",
    filters: { social_care_group: "CLA 12 months at 31 March" },
    marker: "z",
  }, // z
  {
    file: "ks2",
    year: 2024,
    timePeriod: "202324",
    geo: la("850", "Hampshire"),
    indicator: "ks2_rwm_cpp_percent",
    column: "pt_rwm_met_expected_standard",
    filters: { social_care_group: "CPPO at 31 March" },
    marker: "x",
  }, // x
  {
    file: "ks2",
    year: 2021,
    timePeriod: "202021",
    geo: ENGLAND,
    indicator: "ks2_rwm_cla_percent",
    column: "pt_rwm_met_expected_standard",
    filters: { social_care_group: "CLA 12 months at 31 March" },
    marker: "x",
  }, // x
  {
    file: "ks2",
    year: 2025,
    timePeriod: "202425",
    geo: la("330", "Birmingham"),
    indicator: "ks2_rwm_cin_percent",
    column: "pt_rwm_met_expected_standard",
    filters: { social_care_group: "CINO at 31 March" },
  }, // 34
  {
    file: "ks2",
    year: 2019,
    timePeriod: "201819",
    geo: la("837", "Bournemouth"),
    indicator: "ks2_rwm_cin_percent",
    column: "pt_rwm_met_expected_standard",
    filters: { social_care_group: "CINO at 31 March" },
  }, // 35
  {
    file: "ks4",
    year: 2025,
    timePeriod: "202425",
    geo: ENGLAND,
    indicator: "ks4_att8_cla",
    column: "avg_att8",
    filters: { social_care_group: "CLA 12 months at 31 March" },
  }, // 17.3
  {
    file: "ks4",
    year: 2025,
    timePeriod: "202425",
    geo: ENGLAND,
    indicator: "ks4_att8_cpp",
    column: "avg_att8",
    filters: { social_care_group: "CPPO at 31 March" },
  }, // 16.9
  {
    file: "ks4",
    year: 2025,
    timePeriod: "202425",
    geo: region("E12000009", "South West"),
    indicator: "ks4_att8_cin",
    column: "avg_att8",
    filters: { social_care_group: "CINO at 31 March" },
  }, // 16.8
  {
    file: "ks4",
    year: 2025,
    timePeriod: "202425",
    geo: la("940", "North Northamptonshire"),
    indicator: "ks4_att8_cla",
    column: "avg_att8",
    filters: { social_care_group: "CLA 12 months at 31 March" },
    marker: "c",
  }, // c
  {
    file: "ks4",
    year: 2025,
    timePeriod: "202425",
    geo: la("420", "Isles of Scilly"),
    indicator: "ks4_att8_cla",
    column: "avg_att8",
    filters: { social_care_group: "CLA 12 months at 31 March" },
    marker: "z",
  }, // z
  {
    file: "ks4",
    year: 2024,
    timePeriod: "202324",
    geo: la("850", "Hampshire"),
    indicator: "ks4_att8_cin",
    column: "avg_att8",
    filters: { social_care_group: "CINO at 31 March" },
    marker: "x",
  }, // x
  {
    file: "ks4",
    year: 2025,
    timePeriod: "202425",
    geo: la("330", "Birmingham"),
    indicator: "ks4_att8_cla",
    column: "avg_att8",
    filters: { social_care_group: "CLA 12 months at 31 March" },
  }, // 20.6
  {
    file: "ks4",
    year: 2025,
    timePeriod: "202425",
    geo: la("815", "North Yorkshire"),
    indicator: "ks4_att8_cin",
    column: "avg_att8",
    filters: { social_care_group: "CINO at 31 March" },
    onsCode: "E06000065",
  }, // 13.5
  {
    file: "absence",
    year: 2025,
    timePeriod: "202425",
    geo: ENGLAND,
    indicator: "absence_persistent_cla_percent",
    column: "pt_pupils_pa_10_exact",
    filters: { absence_terms: "six half terms", social_care_group: "CLA 12 months at 31 March", phase_type_grouping: "Total" },
  }, // 20.3
  {
    file: "absence",
    year: 2025,
    timePeriod: "202425",
    geo: ENGLAND,
    indicator: "absence_overall_cla_percent",
    column: "pt_overall",
    filters: { absence_terms: "six half terms", social_care_group: "CLA 12 months at 31 March", phase_type_grouping: "Total" },
  }, // 9
  {
    file: "absence",
    year: 2025,
    timePeriod: "202425",
    geo: region("E13000001", "Inner London"),
    indicator: "absence_persistent_cin_percent",
    column: "pt_pupils_pa_10_exact",
    filters: { absence_terms: "six half terms", social_care_group: "CINO at 31 March", phase_type_grouping: "Total" },
  }, // 45.6
  {
    file: "absence",
    year: 2025,
    timePeriod: "202425",
    geo: la("857", "Rutland"),
    indicator: "absence_persistent_cla_percent",
    column: "pt_pupils_pa_10_exact",
    filters: { absence_terms: "six half terms", social_care_group: "CLA 12 months at 31 March", phase_type_grouping: "Total" },
    marker: "c",
  }, // c
  {
    file: "absence",
    year: 2025,
    timePeriod: "202425",
    geo: la("420", "Isles of Scilly"),
    indicator: "absence_persistent_cla_percent",
    column: "pt_pupils_pa_10_exact",
    filters: { absence_terms: "six half terms", social_care_group: "CLA 12 months at 31 March", phase_type_grouping: "Total" },
    marker: "z",
  }, // z
  {
    file: "absence",
    year: 2024,
    timePeriod: "202324",
    geo: la("850", "Hampshire"),
    indicator: "absence_persistent_cin_percent",
    column: "pt_pupils_pa_10_exact",
    filters: { absence_terms: "six half terms", social_care_group: "CINO at 31 March", phase_type_grouping: "Total" },
    marker: "x",
  }, // x
  {
    file: "absence",
    year: 2020,
    timePeriod: "201920",
    geo: ENGLAND,
    indicator: "absence_overall_cla_percent",
    column: "pt_overall",
    filters: { absence_terms: "six half terms", social_care_group: "CLA 12 months at 31 March", phase_type_grouping: "Total" },
    marker: "x",
  }, // x
  {
    file: "absence",
    year: 2025,
    timePeriod: "202425",
    geo: la("330", "Birmingham"),
    indicator: "absence_persistent_cla_percent",
    column: "pt_pupils_pa_10_exact",
    filters: { absence_terms: "six half terms", social_care_group: "CLA 12 months at 31 March", phase_type_grouping: "Total" },
  }, // 20.5
];

const MARKERS: readonly string[] = ["c", "low", "u", "x", "z", "k"];
/** The series a joint row's return belongs to (only the workforce files have joint rows). */
const JOINT_SERIES: Partial<Record<FileKey, string>> = { csww: "CSWW", csww25: "CSWW" };

/** The LA numbers a file row covers: "314 / 318" → ["314", "318"]. */
const members = (oldLaCode: string) => oldLaCode.split(" / ");

/** All rows of the file matching the cell's year and geography (should be exactly one). */
function findRows(cell: Cell): CsvRow[] {
  const g = cell.geo;
  return csv[cell.file].rows.filter((r) => {
    if (r.get("time_period") !== (cell.timePeriod ?? String(cell.year)) || r.get("geographic_level") !== g.level) return false;
    if (Object.entries(cell.filters ?? {}).some(([column, value]) => r.get(column) !== value)) return false;
    if (g.level === "Regional") return r.get("region_code") === g.code;
    if (g.level === "Local authority") return members(r.get("old_la_code")).includes(g.la);
    return true;
  });
}

const geoCode = (g: Geo) => (g.level === "National" ? "E92000001" : g.level === "Regional" ? g.code : g.la);
const geoName = (g: Geo) => (g.level === "National" ? "England" : `${g.name} (${geoCode(g)})`);
const DB_LEVEL = { National: "NATIONAL", Regional: "REGIONAL", "Local authority": "LOCAL_AUTHORITY" } as const;

// Resolve each cell's raw text now, so the test name shows what the file says.
const RESOLVED = CELLS.map((cell) => {
  const rows = findRows(cell);
  const raw = rows.length === 1 ? rows[0]?.get(cell.column) : undefined;
  const name = `${cell.file} ${cell.year} ${geoName(cell.geo)} ${cell.indicator} = ${raw ?? `(${rows.length} matching rows)`}`;
  return [name, { cell, rows }] as const;
});

describe("published figures in the database equal the source files", () => {
  const t = useTestDatabase("loaded");

  it("samples every series, every marker, both joint returns and at least 30 cells, 8 of every file", () => {
    expect(CELLS.length).toBeGreaterThanOrEqual(30);
    for (const file of Object.keys(FILES)) expect(CELLS.filter((c) => c.file === file).length, file).toBeGreaterThanOrEqual(8);
    expect(new Set(CELLS.map((c) => c.file))).toEqual(new Set(Object.keys(FILES)));
    expect(new Set(CELLS.flatMap((c) => (c.marker ? [c.marker] : [])))).toEqual(new Set(MARKERS));
    expect(new Set(CELLS.flatMap((c) => (c.joint ? [c.joint] : [])))).toEqual(new Set(["CSWW:314/318", "CSWW:940/941"]));
  });

  it.each(RESOLVED)("%s", async (_title, { cell, rows }) => {
    const where = `${FILES[cell.file]} year ${cell.year} ${geoName(cell.geo)}`;
    expect(rows.length, `rows in ${where}`).toBe(1);
    const row = rows[0]!;
    const at = `${FILES[cell.file]} line ${row.line}, column ${cell.column}`;
    const raw = row.get(cell.column);
    expect(raw, `${at} is empty`).not.toBe("");

    // guards that the hand-picked row is what we think it is
    expect(MARKERS.includes(raw) ? raw : undefined, `marker in ${at}`).toBe(cell.marker);
    const fileMembers = members(row.get("old_la_code"));
    const fileJoint = fileMembers.length > 1 ? `${JOINT_SERIES[cell.file]}:${fileMembers.join("/")}` : undefined;
    expect(fileJoint, `joint row in ${at}`).toBe(cell.joint);
    if (cell.onsCode) expect(row.get("new_la_code"), `new_la_code at ${at}`).toBe(cell.onsCode);

    const stored = await t.prisma.indicatorValue.findUnique({
      where: { indicatorId_geoCode_period: { indicatorId: cell.indicator, geoCode: geoCode(cell.geo), period: cell.year } },
    });
    expect(stored, `no DB row for ${cell.indicator} / ${geoCode(cell.geo)} / ${cell.year} (${at})`).not.toBeNull();
    const expected = MARKERS.includes(raw) ? { raw, marker: raw, value: null } : { raw, marker: null, value: Number(raw) };
    expect(Number.isNaN(expected.value), `${at} holds "${raw}", neither a number nor a marker`).toBe(false);
    expect(
      { raw: stored?.raw, marker: stored?.marker, value: stored?.value, geoLevel: stored?.geoLevel, jointReturnId: stored?.jointReturnId },
      `DB row vs ${at}`,
    ).toEqual({ ...expected, geoLevel: DB_LEVEL[cell.geo.level], jointReturnId: cell.joint ?? null });
  });

  it("England 2025: agency 13 (published as 13), turnover 11.8, vacancy 14.2, caseload 15.2; 81,770 looked after at 31 March, 67 per 10,000", async () => {
    const expected: [string, string, number][] = [
      ["agency_rate_fte", "13", 2025],
      ["turnover_rate_fte", "11.8", 2025],
      ["vacancy_rate_fte", "14.2", 2025],
      ["caseload_fte", "15.2", 2025],
      ["cla_at31", "81770", 2025],
      ["cla_at31_rate", "67", 2025],
    ];
    const cslaRow = csv.csww25.rows.find((r) => r.get("time_period") === "2025" && r.get("geographic_level") === "National")!;
    expect(["agency_rate_fte", "turnover_rate_fte", "vacancy_rate_fte", "caseload_fte"].map((c) => cslaRow.get(c))).toEqual([
      "13",
      "11.8",
      "14.2",
      "15.2",
    ]);
    for (const [indicatorId, raw, period] of expected) {
      const v = await t.prisma.indicatorValue.findUnique({
        where: { indicatorId_geoCode_period: { indicatorId, geoCode: "E92000001", period } },
      });
      expect({ raw: v?.raw, value: v?.value, calculated: v?.calculated }, indicatorId).toEqual({
        raw,
        value: Number(raw),
        calculated: false,
      });
    }
  });

  it("does not store LAs listed in years they did not exist (every figure z), and does store them in the years they did", async () => {
    for (const [file, column, la, year] of [
      ["placements", "children_percent", "928", "2022"],
      ["newPlacements", "children_count", "942", "2023"],
      ["cla", "children_count", "909", "2025"],
    ] as const) {
      const rows = csv[file].rows.filter((r) => r.get("old_la_code") === la && r.get("time_period") === year);
      expect(rows.length, `${file} ${la} ${year}`).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.get(column))), `${file} ${la} ${year}`).toEqual(new Set(["z"]));
    }
    const stored = await t.prisma.indicatorValue.count({
      where: {
        OR: [
          { geoCode: "928", period: { gte: 2022 }, indicator: { series: { in: ["CLA_NUMBERS", "CLA_PLACEMENT_STABILITY"] } } },
          { geoCode: "942", period: { lte: 2023 }, indicator: { series: { in: ["CLA_NUMBERS", "CLA_NEW_PLACEMENTS"] } } },
          { geoCode: "909", period: { gte: 2024 }, indicator: { series: "CLA_NUMBERS" } },
        ],
      },
    });
    expect(stored).toBe(0);
    expect(await t.prisma.indicatorValue.count({ where: { geoCode: "909", period: 2023, indicator: { series: "CLA_NUMBERS" } } })).toBe(7);
  });

  it("calculates what a release does not publish, marked calculated, from the published counts (worked out here from the raw files)", async () => {
    const england = (file: FileKey, year: string) =>
      csv[file].rows.find((r) => r.get("time_period") === year && r.get("geographic_level") === "National")!;
    const stored = (indicatorId: string, geoCode: string, period: number) =>
      t.prisma.indicatorValue.findUniqueOrThrow({ where: { indicatorId_geoCode_period: { indicatorId, geoCode, period } } });
    const round1 = (x: number) => Math.round(x * 10) / 10;
    // children in need per 10,000, 2025: b1 2025 At31_episodes over the ONS mid-2024 population
    const cin = Number(england("b1_25", "2025").get("At31_episodes"));
    const pop2024 = Number(england("ons", "2024").get("population_estimate"));
    expect(await stored("cin_at31_rate", "E92000001", 2025)).toMatchObject({ value: round1((10_000 * cin) / pop2024), calculated: true });
    // child protection plans per 10,000, 2025 (d5 publishes no rate)
    const cpp = Number(england("d5", "2025").get("CPP_At31"));
    expect(await stored("cpp_at31_rate", "E92000001", 2025)).toMatchObject({ value: round1((10_000 * cpp) / pop2024), calculated: true });
    // initial conferences within 15 working days, 2025 (FORMATS.md §15)
    const c4 = england("c4", "2025");
    const within = (100 * (Number(c4.get("Duration_0-10_days")) + Number(c4.get("Duration_11-15_days")))) / Number(c4.get("ICPC"));
    expect(await stored("icpc_within_15_days_percent", "E92000001", 2025)).toMatchObject({ value: round1(within), calculated: true });
    // parental mental health as a share of assessments with factors, Birmingham 2025
    const bham = csv.c3.rows.find((r) => r.get("time_period") === "2025" && r.get("old_la_code") === "330")!;
    const share = (100 * Number(bham.get("Mental_Health_parent"))) / Number(bham.get("Episodes_with_assessment_factor"));
    expect(await stored("factor_mental_health_parent_percent", "330", 2025)).toMatchObject({ value: round1(share), calculated: true });
    // a suppressed count gives its marker, never a number (City of London 2025 c3: domestic abuse concerning the child is c)
    const suppressed = csv.c3.rows.find((r) => r.get("time_period") === "2025" && r.get("old_la_code") === "201")!;
    expect(suppressed.get("Domestic_Abuse_child")).toBe("c");
    expect(await stored("factor_domestic_abuse_child_percent", "201", 2025)).toMatchObject({
      marker: "c",
      value: null,
      calculated: true,
    });
  });

  it("stores csww 2024 agency_rate_fte once per LA member of the 2024 LA rows (151 rows, 2 joint → 153)", async () => {
    const laRows = csv.csww.rows.filter((r) => r.get("time_period") === "2024" && r.get("geographic_level") === "Local authority");
    const memberCount = laRows.reduce((n, r) => n + members(r.get("old_la_code")).length, 0);
    expect(laRows).toHaveLength(151);
    expect(laRows.filter((r) => members(r.get("old_la_code")).length > 1)).toHaveLength(2);
    expect(memberCount).toBe(153);
    const stored = await t.prisma.indicatorValue.count({
      where: { indicatorId: "agency_rate_fte", period: 2024, geoLevel: "LOCAL_AUTHORITY" },
    });
    expect(stored).toBe(memberCount);
  });
});

// ——— Ofsted: latest judgement per LA as at 31 March 2025 ———
// Expected values read by hand from LA_Inspection_Outcomes_as_at_31_March_2025.ods, sheet
// `Inspections_as_at_31_March` (content.xml unzipped to /tmp; rows 10, 16, 21, 25, 33, 37, 68, 105):
// columns E (Inspection date), F (Publication date), G–K (overall, leaders, help and protection,
// children in care, care leavers; blank care leavers = inspection before 1 Jan 2023).
type J = "OUTSTANDING" | "GOOD" | "REQUIRES_IMPROVEMENT" | "INADEQUATE" | null;
type OfstedCase = {
  name: string;
  laNumber: string;
  inspectionDate: string;
  publicationDate: string;
  overall: J;
  leadership: J;
  helpAndProtection: J;
  childrenInCare: J;
  careLeavers: J;
};
const O = "OUTSTANDING",
  G = "GOOD",
  RI = "REQUIRES_IMPROVEMENT",
  I = "INADEQUATE";
const OFSTED: OfstedCase[] = [
  {
    name: "Birmingham",
    laNumber: "330",
    inspectionDate: "2023-02-20",
    publicationDate: "2023-04-18",
    overall: G,
    leadership: G,
    helpAndProtection: G,
    childrenInCare: G,
    careLeavers: G,
  },
  {
    name: "Bradford",
    laNumber: "380",
    inspectionDate: "2022-11-21",
    publicationDate: "2023-01-31",
    overall: I,
    leadership: I,
    helpAndProtection: I,
    childrenInCare: I,
    careLeavers: null,
  },
  {
    name: "Buckinghamshire",
    laNumber: "825",
    inspectionDate: "2025-01-27",
    publicationDate: "2025-05-14",
    overall: RI,
    leadership: RI,
    helpAndProtection: RI,
    childrenInCare: G,
    careLeavers: RI,
  },
  {
    name: "Camden",
    laNumber: "202",
    inspectionDate: "2025-03-03",
    publicationDate: "2025-04-15",
    overall: O,
    leadership: O,
    helpAndProtection: O,
    childrenInCare: O,
    careLeavers: O,
  },
  {
    name: "Cumberland",
    laNumber: "942",
    inspectionDate: "2024-10-07",
    publicationDate: "2024-11-26",
    overall: G,
    leadership: G,
    helpAndProtection: RI,
    childrenInCare: G,
    careLeavers: G,
  },
  {
    name: "Devon",
    laNumber: "878",
    inspectionDate: "2024-09-30",
    publicationDate: "2025-05-13",
    overall: I,
    leadership: RI,
    helpAndProtection: I,
    childrenInCare: I,
    careLeavers: I,
  },
  {
    name: "Kingston upon Thames",
    laNumber: "314",
    inspectionDate: "2024-12-02",
    publicationDate: "2025-01-29",
    overall: O,
    leadership: O,
    helpAndProtection: O,
    childrenInCare: O,
    careLeavers: O,
  },
  {
    name: "Richmond upon Thames",
    laNumber: "318",
    inspectionDate: "2022-01-31",
    publicationDate: "2022-03-18",
    overall: G,
    leadership: G,
    helpAndProtection: G,
    childrenInCare: G,
    careLeavers: null,
  },
];

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

describe("Ofsted position as at 31 March 2025 equals the 2025 workbook", () => {
  const t = useTestDatabase("loaded");

  it("samples at least one Inadequate and one Outstanding LA", () => {
    expect(OFSTED.some((c) => c.overall === I)).toBe(true);
    expect(OFSTED.some((c) => c.overall === O)).toBe(true);
  });

  const ofstedCases = OFSTED.map((c) => [`${c.name} (${c.laNumber}): overall ${c.overall}, inspected ${c.inspectionDate}`, c] as const);
  it.each(ofstedCases)("%s", async (_title, c) => {
    const p = await t.prisma.ofstedPosition.findUnique({
      where: { asAt_laNumber: { asAt: new Date("2025-03-31T00:00:00Z"), laNumber: c.laNumber } },
    });
    expect(p, `no OfstedPosition for ${c.name} (${c.laNumber}) as at 2025-03-31`).not.toBeNull();
    const expected = {
      inspectionDate: c.inspectionDate,
      publicationDate: c.publicationDate,
      overall: c.overall,
      leadership: c.leadership,
      helpAndProtection: c.helpAndProtection,
      childrenInCare: c.childrenInCare,
      careLeavers: c.careLeavers,
    };
    expect({
      inspectionDate: day(p?.inspectionDate),
      publicationDate: day(p?.publicationDate),
      overall: p?.overall ?? null,
      leadership: p?.leadership ?? null,
      helpAndProtection: p?.helpAndProtection ?? null,
      childrenInCare: p?.childrenInCare ?? null,
      careLeavers: p?.careLeavers ?? null,
    }).toEqual(expected);
  });
});

// ——— Decision 0021: the 2025 neighbour grouping, revenue outturn (RO3, RSX) and hospital admissions ———
// Read here with readers of our own: the CSV splitter above, and for the workbooks a regular-expression
// walk of content.xml (fflate unzips it) — nothing from lib/import.

/** Rows of one sheet of an .ods file: cell texts, with office:value (full precision) where a cell has one. */
type OdsCellRaw = { text: string; value?: string };
function readOdsSheet(fileName: string, sheetName: string): OdsCellRaw[][] {
  const zipped = new Uint8Array(fs.readFileSync(path.join(published, fileName)));
  const xml = strFromU8(unzipSync(zipped, { filter: (f) => f.name === "content.xml" })["content.xml"]!);
  const start = xml.indexOf(`<table:table table:name="${sheetName}"`);
  if (start < 0) throw new Error(`${fileName}: no sheet ${sheetName}`);
  const body = xml.slice(start, xml.indexOf("</table:table>", start));
  const attr = (attrs: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];
  const decode = (s: string) =>
    s
      .replace(/<text:s text:c="(\d+)"\/>/g, (_, n: string) => " ".repeat(Number(n)))
      .replace(/<text:s\/>/g, " ")
      .replace(/<[^>]+>/g, "")
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const rows: OdsCellRaw[][] = [];
  for (const r of body.matchAll(/<table:table-row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
    const cells: OdsCellRaw[] = [];
    for (const c of (r[2] ?? "").matchAll(
      /<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g,
    )) {
      const repeat = Math.min(Number(attr(c[1]!, "table:number-columns-repeated") ?? 1), 1000);
      const value = attr(c[1]!, "office:value");
      const cell = { text: decode(c[2] ?? "").trim(), ...(value !== undefined ? { value } : {}) };
      for (let i = 0; i < repeat; i++) cells.push(cell);
    }
    const repeat = Math.min(Number(attr(r[1]!, "table:number-rows-repeated") ?? 1), 1000);
    for (let i = 0; i < repeat; i++) rows.push(cells);
  }
  return rows;
}

/** A sheet as a table: the row whose first cell is "E-code" is the header (row 7 in both workbooks). */
function outturnTable(fileName: string, sheetName: string) {
  const rows = readOdsSheet(fileName, sheetName);
  const h = rows.findIndex((r) => r[0]?.text === "E-code");
  const header = rows[h]!.map((c) => c.text);
  return (onsCode: string, column: string): OdsCellRaw & { row: number } => {
    const i = header.indexOf(column);
    const r = rows.findIndex((x, n) => n > h && x[1]?.text === onsCode);
    if (i < 0 || r < 0) throw new Error(`${fileName}: no cell for ${onsCode} / ${column}`);
    return { ...rows[r]![i]!, row: r + 1 };
  };
}

const ONS = { barnsley: "E08000016", birmingham: "E08000025", gateshead: "E08000037", kingston: "E09000021", scilly: "E06000053" };
const LA_NUMBER: Record<string, string> = {
  E08000016: "370", // Barnsley
  E08000025: "330", // Birmingham
  E08000037: "390", // Gateshead
  E09000021: "314", // Kingston upon Thames
  E06000053: "420", // Isles of Scilly
  E06000064: "943", // Westmorland and Furness
  E09000001: "201", // City of London
  E06000061: "940", // North Northamptonshire
  E06000063: "942", // Cumberland
  E06000052: "908", // Cornwall
  E09000012: "204", // Hackney
  E06000039: "871", // Slough
  E06000018: "892", // Nottingham
  E06000060: "825", // Buckinghamshire
  E10000014: "850", // Hampshire
  E92000001: "E92000001", // England
};
/** How the importer stores a workbook cell: the number (raw = its shortest decimal), or [x] → x, [n] / [note N] → x keeping the text. */
function expectedFromOds(cell: OdsCellRaw) {
  if (cell.value !== undefined) return { value: Number(cell.value), marker: null, raw: String(Number(cell.value)) };
  if (/^\[(x|z|c)\]$/.test(cell.text)) return { value: null, marker: cell.text[1], raw: cell.text[1] };
  if (/^\[(n|note \d+)\]$/.test(cell.text)) return { value: null, marker: "x", raw: cell.text };
  throw new Error(`unexpected cell text ${cell.text}`);
}

const TOTAL_C3 = "TOTAL CHILDREN SOCIAL CARE - Total Expenditure (C3 = C1 + C2)";
const CLA_C3 = "Children's social care - Children Looked After - Total Expenditure (C3 = C1 + C2)";
type OdsSample = { onsCode: string; indicator: string; column: string; marker?: string };
const RO3_SAMPLES: OdsSample[] = [
  { onsCode: ONS.barnsley, indicator: "csc_spend_total", column: TOTAL_C3 },
  { onsCode: ONS.birmingham, indicator: "csc_spend_total", column: TOTAL_C3, marker: "[x]" },
  {
    onsCode: "E06000063",
    indicator: "csc_spend_net",
    column: "TOTAL CHILDREN SOCIAL CARE - Net Current Expenditure (C7 = C3 - C6)",
    marker: "[x]",
  },
  {
    onsCode: ONS.gateshead,
    indicator: "csc_spend_cla_fostering",
    column: "Children's social care - Children Looked After of which fostering services - Total Expenditure (C3 = C1 + C2)",
    marker: "[note 4]",
  },
  { onsCode: ONS.gateshead, indicator: "csc_spend_cla", column: CLA_C3 },
  {
    onsCode: "E92000001",
    indicator: "csc_spend_agency_staff",
    column: "TOTAL CHILDREN SOCIAL CARE - Children's Social Care - agency staff cost memorandum item",
    marker: "[n]",
  },
  {
    onsCode: "E92000001",
    indicator: "csc_spend_sure_start",
    column: "Children's social care: Sure start children's centres and early years - Total Expenditure (C3 = C1 + C2)",
  },
  { onsCode: ONS.kingston, indicator: "csc_spend_cla", column: CLA_C3 },
  { onsCode: ONS.scilly, indicator: "csc_spend_total", column: TOTAL_C3 },
  {
    onsCode: "E06000064",
    indicator: "csc_spend_family_support",
    column: "Children's social care - Family Support Services - Total Expenditure (C3 = C1 + C2)",
  },
  {
    onsCode: "E09000001",
    indicator: "csc_spend_safeguarding",
    column: "Children's social care: Safeguarding children and young people’s services - Total Expenditure (C3 = C1 + C2)",
  },
  { onsCode: "E06000061", indicator: "csc_spend_employees", column: "TOTAL CHILDREN SOCIAL CARE - Employees (C1)" },
];
const SERVICE_C3 = "Total Service Expenditure - Total Expenditure (C3 = C1 + C2)";
const RSX_SAMPLES: OdsSample[] = ["E92000001", ONS.barnsley, ONS.gateshead, ONS.kingston, ONS.scilly, "E06000064", "E09000001", "E06000061"]
  .map((onsCode): OdsSample => ({ onsCode, indicator: "service_spend_total", column: SERVICE_C3 }))
  .concat([{ onsCode: ONS.birmingham, indicator: "service_spend_total", column: SERVICE_C3, marker: "[x]" }]);

describe("revenue outturn 2024-25 in the database equals the RO3 and RSX workbooks", () => {
  const t = useTestDatabase("loaded");
  const ro3 = outturnTable("RO3_LA_Data_2024-25_data_by_LA.ods", "RO3_LA_Data_202425");
  const rsx = outturnTable("RSX_LA_Data_2024-25_data_by_LA.ods", "RSX_LA_Data_202425");

  it("samples at least 8 cells of each workbook, with every kind of marker they hold", () => {
    expect(RO3_SAMPLES.length).toBeGreaterThanOrEqual(8);
    expect(RSX_SAMPLES.length).toBeGreaterThanOrEqual(8);
    expect(new Set(RO3_SAMPLES.flatMap((s) => (s.marker ? [s.marker] : [])))).toEqual(new Set(["[x]", "[note 4]", "[n]"]));
  });

  const cases = [...RO3_SAMPLES.map((s) => ["RO3", s] as const), ...RSX_SAMPLES.map((s) => ["RSX", s] as const)];
  it.each(cases.map(([wb, s]) => [`${wb} ${s.onsCode} ${s.indicator}${s.marker ? ` (${s.marker})` : ""}`, wb, s] as const))(
    "%s",
    async (_title, wb, s) => {
      const cell = (wb === "RO3" ? ro3 : rsx)(s.onsCode, s.column);
      expect(cell.value === undefined ? cell.text : undefined, `marker in ${wb} row ${cell.row}`).toBe(s.marker);
      const stored = await t.prisma.indicatorValue.findUnique({
        where: { indicatorId_geoCode_period: { indicatorId: s.indicator, geoCode: LA_NUMBER[s.onsCode]!, period: 2025 } },
      });
      expect({ value: stored?.value, marker: stored?.marker, raw: stored?.raw, calculated: stored?.calculated }).toEqual({
        ...expectedFromOds(cell),
        calculated: false,
      });
    },
  );

  it("calculates spend per child from the published total and the ONS 0–17 population of mid-2024, and says it is calculated", async () => {
    const population = (laNumber: string | null) =>
      csv.ons.rows
        .find(
          (r) =>
            r.get("time_period") === "2024" &&
            (laNumber === null ? r.get("geographic_level") === "National" : r.get("old_la_code") === laNumber),
        )!
        .get("population_estimate");
    for (const onsCode of [ONS.barnsley, ONS.kingston, ONS.scilly, "E92000001"]) {
      const laNumber = LA_NUMBER[onsCode]!;
      const total = Number(ro3(onsCode, TOTAL_C3).value);
      const children = Number(population(onsCode === "E92000001" ? null : laNumber));
      const expected = Math.round((1000 * total) / children);
      const stored = await t.prisma.indicatorValue.findUnique({
        where: { indicatorId_geoCode_period: { indicatorId: "csc_spend_per_child", geoCode: laNumber, period: 2025 } },
      });
      expect(
        { raw: stored?.raw, value: stored?.value, calculated: stored?.calculated },
        `${onsCode}: 1000 × ${total} / ${children}`,
      ).toEqual({
        raw: String(expected),
        value: expected,
        calculated: true,
      });
    }
    // Barnsley by hand: £86,661 thousand for 51,799 children (mid-2024) = £1,673.03 → £1,673 per child
    expect(Number(ro3(ONS.barnsley, TOTAL_C3).value)).toBe(86661);
    expect(population("370")).toBe("51799");
    const birmingham = await t.prisma.indicatorValue.findUnique({
      where: { indicatorId_geoCode_period: { indicatorId: "csc_spend_per_child", geoCode: "330", period: 2025 } },
    });
    expect(birmingham).toMatchObject({ marker: "x", value: null, calculated: true });
  });

  it("calculates the share spent on children in care from the two published lines", async () => {
    const total = Number(ro3(ONS.kingston, TOTAL_C3).value);
    const cla = Number(ro3(ONS.kingston, CLA_C3).value);
    const stored = await t.prisma.indicatorValue.findUnique({
      where: { indicatorId_geoCode_period: { indicatorId: "csc_spend_cla_share", geoCode: "314", period: 2025 } },
    });
    expect(stored?.raw).toBe((Math.round((1000 * cla) / total) / 10).toFixed(1));
    expect(stored?.calculated).toBe(true);
  });
});

// ——— la_hospital_admissions_2324.csv (Fingertips) ———
type HospitalSample = { areaCode: string; period: string; indicator: string; column: "Value" | "Count"; marker?: "u"; sharedWith?: string };
const HOSPITAL_SAMPLES: HospitalSample[] = [
  { areaCode: "E92000001", period: "2023/24", indicator: "injury_admissions_0_14_rate", column: "Value" },
  { areaCode: "E92000001", period: "2010/11", indicator: "injury_admissions_0_14", column: "Count" },
  { areaCode: "E06000052", period: "2023/24", indicator: "injury_admissions_0_14_rate", column: "Value" },
  { areaCode: "E06000053", period: "2023/24", indicator: "injury_admissions_0_14_rate", column: "Value", sharedWith: "E06000052" },
  { areaCode: "E09000001", period: "2020/21", indicator: "injury_admissions_0_14", column: "Count", sharedWith: "E09000012" },
  { areaCode: "E06000039", period: "2022/23", indicator: "injury_admissions_0_14_rate", column: "Value", marker: "u" },
  { areaCode: "E06000018", period: "2016/17", indicator: "injury_admissions_0_14", column: "Count", marker: "u" },
  { areaCode: "E06000063", period: "2012/13", indicator: "injury_admissions_0_14_rate", column: "Value" },
  { areaCode: "E08000016", period: "2019/20", indicator: "injury_admissions_0_14_rate", column: "Value" },
  { areaCode: "E06000060", period: "2014/15", indicator: "injury_admissions_0_14", column: "Count" },
];

describe("hospital admissions in the database equal the Fingertips export", () => {
  const t = useTestDatabase("loaded");
  const hospital = readCsv("la_hospital_admissions_2324.csv");
  const persons = (areaCode: string, period: string) =>
    hospital.rows.filter(
      (r) =>
        r.get("Area Code") === areaCode && r.get("Time period") === period && r.get("Sex") === "Persons" && r.get("Category Type") === "",
    );

  it("samples at least 8 cells, blank figures and shared figures among them", () => {
    expect(HOSPITAL_SAMPLES.length).toBeGreaterThanOrEqual(8);
    expect(HOSPITAL_SAMPLES.some((s) => s.marker === "u")).toBe(true);
    expect(HOSPITAL_SAMPLES.some((s) => s.sharedWith)).toBe(true);
  });

  it.each(HOSPITAL_SAMPLES.map((s) => [`${s.areaCode} ${s.period} ${s.indicator}`, s] as const))("%s", async (_title, s) => {
    const rows = persons(s.areaCode, s.period);
    // England is in the file twice (Parent Code blank and E92000001), with the same figures
    expect(new Set(rows.map((r) => r.get(s.column))).size, `rows for ${s.areaCode} ${s.period}`).toBe(1);
    const own = rows[0]!.get(s.column);
    const source = s.sharedWith ? persons(s.sharedWith, s.period)[0]!.get(s.column) : own;
    if (s.marker || s.sharedWith) expect(own, "a blank figure in the file").toBe("");
    if (s.marker) expect(rows[0]!.get("Value note")).toMatch(/^Not presented due to/);
    const period = Number(s.period.slice(0, 4)) + 1;
    const stored = await t.prisma.indicatorValue.findUnique({
      where: { indicatorId_geoCode_period: { indicatorId: s.indicator, geoCode: LA_NUMBER[s.areaCode]!, period } },
    });
    const expected = s.marker ? { raw: "u", marker: "u", value: null } : { raw: source, marker: null, value: Number(source) };
    expect({ raw: stored?.raw, marker: stored?.marker, value: stored?.value }).toEqual(expected);
    if (s.sharedWith)
      expect(stored?.jointReturnId).toBe(`HOSPITAL_ADMISSIONS:${[LA_NUMBER[s.areaCode], LA_NUMBER[s.sharedWith]].sort().join("/")}`);
  });
});

// ——— sn_model_2025_wide.csv ———
const SN_SAMPLES: { la: string; rank: number }[] = [
  { la: "301", rank: 1 }, // "Close " with its trailing space
  { la: "301", rank: 4 }, // Somewhat close
  { la: "942", rank: 1 }, // Cumberland's own list: Westmorland and Furness
  { la: "943", rank: 2 },
  { la: "303", rank: 1 }, // Extremely close
  { la: "420", rank: 10 }, // Not close
  { la: "825", rank: 10 },
  { la: "201", rank: 1 },
  { la: "330", rank: 5 },
];

describe("the May 2025 neighbour grouping in the database equals sn_model_2025_wide.csv", () => {
  const t = useTestDatabase("loaded");
  const text = fs.readFileSync(path.join(published, "sn_model_2025_wide.csv"), "utf8").replace(/^\uFEFF/, "");
  const [head, ...body] = text.split("\n").filter((l) => l !== "");
  const header = splitCsvLine(head!);
  const rowOf = (la: string) => splitCsvLine(body.find((l) => splitCsvLine(l)[0] === la)!);

  it("samples at least 8 neighbours, every closeness label among them", () => {
    expect(SN_SAMPLES.length).toBeGreaterThanOrEqual(8);
    const labels = new Set(SN_SAMPLES.map((s) => rowOf(s.la)[header.indexOf(`SN_${s.rank}P`)]));
    expect(labels).toEqual(new Set(["Close ", "Somewhat close", "Very close", "Extremely close", "Not close"]));
  });

  it.each(SN_SAMPLES.map((s) => [`LA ${s.la} neighbour ${s.rank}`, s] as const))("%s", async (_title, s) => {
    const row = rowOf(s.la);
    const neighbour = row[header.indexOf(`SN_${s.rank}`)]!;
    const label = row[header.indexOf(`SN_${s.rank}P`)]!;
    const stored = await t.prisma.statisticalNeighbour.findUnique({
      where: { model_laNumber_rank: { model: "2025-05", laNumber: s.la, rank: s.rank } },
    });
    expect({
      neighbour: stored?.neighbourLaNumber,
      closeness: stored?.closeness,
      band: stored?.band,
      inherited: stored?.inheritedFrom,
    }).toEqual({
      neighbour,
      closeness: label.trim(),
      band: label.trim().toUpperCase().replace(" ", "_"),
      inherited: null,
    });
    // the April 2021 grouping is still there beside it
    const april = await t.prisma.statisticalNeighbour.count({
      where: { model: "2021-04", laNumber: s.la === "942" || s.la === "943" ? "909" : s.la },
    });
    expect(april).toBe(10);
  });
});
