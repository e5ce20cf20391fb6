// The action form's linked-indicator list (grouped by Ofsted area, with unit and direction) and the
// target's hint for each indicator.
import { describe, expect, it } from "vitest";
import { indicatorsBy } from "@/lib/catalogue";
import {
  groupIndicatorChoices,
  indicatorChoiceText,
  indicatorFormChoices,
  TARGET_HINT_NONE,
  targetHint,
  type IndicatorChoice,
} from "@/lib/plans/indicator-choices";

const choice = (id: string): IndicatorChoice => {
  const d = indicatorsBy({}).find((i) => i.id === id)!;
  return { id: d.id, label: d.label, area: d.area, unit: d.unit, polarity: d.polarity };
};

describe("linked-indicator choices", () => {
  it("say each indicator's unit and which way is better", () => {
    expect(indicatorChoiceText(choice("agency_rate_fte"))).toBe("Agency social worker rate (FTE) — per cent, lower is better");
    expect(indicatorChoiceText(choice("caseload_fte"))).toBe(
      "Average caseload per case-holding social worker (FTE) — cases per social worker (FTE), lower is better",
    );
    expect(indicatorChoiceText(choice("inpost_fte"))).toBe("Social workers in post (FTE) — full-time equivalent");
  });

  it("are grouped by the catalogue's areas, in the areas' order, keeping the order given within each", () => {
    const all = indicatorsBy({}).map((d) => choice(d.id));
    const groups = groupIndicatorChoices([choice("caseload_fte"), ...all.filter((c) => c.id !== "caseload_fte")]);
    expect(groups.map((g) => g.label)).toEqual(
      ["Help and protection", "Children in care", "Care leavers", "Outcomes", "Leadership and workforce", "Context"].filter((l) =>
        groups.some((g) => g.label === l),
      ),
    );
    expect(groups[0]!.label).toBe("Help and protection");
    const workforce = groups.find((g) => g.label === "Leadership and workforce")!;
    expect(workforce.options[0]!.value).toBe("caseload_fte");
    // every indicator once
    expect(groups.flatMap((g) => g.options).length).toBe(all.length);
  });

  it("give the target's hint: the unit and the direction, or how to read it without an indicator", () => {
    expect(targetHint(choice("agency_rate_fte"))).toBe("Unit: per cent. Lower is better for this indicator.");
    expect(targetHint(choice("inpost_fte"))).toBe(
      "Unit: full-time equivalent. Neither higher nor lower is better for this indicator: the target sets the direction.",
    );
    expect(targetHint(null)).toBe(TARGET_HINT_NONE);
    const form = indicatorFormChoices([choice("agency_rate_fte")]);
    expect(form.targetHints).toEqual({ "": TARGET_HINT_NONE, agency_rate_fte: "Unit: per cent. Lower is better for this indicator." });
  });
});
