import { describe, expect, it } from "vitest";
import { assessEvidence, isEvidenceMismatch, type Figure } from "@/lib/plans/evidence";

const f = (period: number, raw: string): Figure => ({
  period,
  raw,
  value: /^[\d.]+$/.test(raw) ? Number(raw) : null,
  marker: /^[\d.]+$/.test(raw) ? null : raw,
});

describe("assessEvidence", () => {
  const agency = { polarity: "HIGHER_IS_WORSE" as const, target: 20, baseline: f(2022, "31.5") };

  it("target met", () => {
    expect(assessEvidence({ ...agency, since: [f(2023, "24.0"), f(2024, "19.8")] }).rag).toBe("TARGET_MET");
  });
  it("moving the right way", () => {
    const e = assessEvidence({ ...agency, since: [f(2023, "27.1")] });
    expect(e.rag).toBe("RIGHT_WAY");
    expect(e.reason).toBe("2023: 27.1, from 31.5 at the start, towards the target of 20.");
    // with the indicator's unit, every figure and the target say it (the card and the plan then read alike)
    expect(assessEvidence({ ...agency, unit: "PERCENT", since: [f(2023, "27.1")] }).reason).toBe(
      "2023: 27.1%, from 31.5% at the start, towards the target of 20%.",
    );
    expect(assessEvidence({ ...agency, unit: "RATE", since: [f(2023, "27.1")] }).reason).toBe(
      "2023: 27.1, from 31.5 at the start, towards the target of 20.",
    );
  });
  it("moving the wrong way", () => {
    expect(assessEvidence({ ...agency, since: [f(2023, "33.0")] }).rag).toBe("WRONG_WAY");
  });
  it("not yet: nothing published since, unchanged, or a marker", () => {
    expect(assessEvidence({ ...agency, since: [] }).rag).toBe("NOT_YET");
    expect(assessEvidence({ ...agency, since: [f(2023, "31.5")] }).rag).toBe("NOT_YET");
    const m = assessEvidence({ ...agency, since: [f(2023, "u")] });
    expect(m.rag).toBe("NOT_YET");
    expect(m.reason).toContain('marker "u"');
  });
  it("direction follows the target for indicators where higher is better or neutral", () => {
    expect(assessEvidence({ polarity: "NEUTRAL", target: 400, baseline: f(2022, "350.0"), since: [f(2023, "370.0")] }).rag).toBe(
      "RIGHT_WAY",
    );
    expect(assessEvidence({ polarity: "NEUTRAL", target: 400, baseline: f(2022, "350.0"), since: [f(2023, "340.0")] }).rag).toBe(
      "WRONG_WAY",
    );
  });
  it("uses polarity when the target equals the baseline", () => {
    expect(assessEvidence({ polarity: "HIGHER_IS_WORSE", target: 18, baseline: f(2022, "18"), since: [f(2023, "19")] }).rag).toBe(
      "WRONG_WAY",
    );
  });
});

describe("isEvidenceMismatch", () => {
  it("flags a manager's green against red evidence, and red against target met", () => {
    expect(isEvidenceMismatch("ON_TRACK", "WRONG_WAY")).toBe(true);
    expect(isEvidenceMismatch("COMPLETE", "WRONG_WAY")).toBe(true);
    expect(isEvidenceMismatch("OFF_TRACK", "TARGET_MET")).toBe(true);
    expect(isEvidenceMismatch("ON_TRACK", "RIGHT_WAY")).toBe(false);
    expect(isEvidenceMismatch("AT_RISK", "NOT_YET")).toBe(false);
  });
});
