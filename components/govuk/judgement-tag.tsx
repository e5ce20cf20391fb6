import { Tag, type TagColour } from "./tag";

/** Ofsted ILACS judgement, as stored (kept local so this file does not import Prisma). */
export type Judgement = "OUTSTANDING" | "GOOD" | "REQUIRES_IMPROVEMENT" | "INADEQUATE";

export const JUDGEMENT_LABELS: Record<Judgement, string> = {
  OUTSTANDING: "Outstanding",
  GOOD: "Good",
  REQUIRES_IMPROVEMENT: "Requires improvement to be good",
  INADEQUATE: "Inadequate",
};

export const JUDGEMENT_TAG_COLOURS: Record<Judgement, TagColour> = {
  OUTSTANDING: "green",
  GOOD: "turquoise",
  REQUIRES_IMPROVEMENT: "yellow",
  INADEQUATE: "red",
};

export const NOT_JUDGED_LABEL = "Not yet judged";

/** Full Ofsted wording for a judgement, or "Not yet judged" for null/undefined. */
export function judgementLabel(judgement: Judgement | null | undefined): string {
  return judgement ? JUDGEMENT_LABELS[judgement] : NOT_JUDGED_LABEL;
}

export interface JudgementTagProps {
  judgement: Judgement | null | undefined;
  className?: string;
}

/** Ofsted judgement as a coloured tag with the full published wording. */
export function JudgementTag({ judgement, className }: JudgementTagProps) {
  const colour: TagColour = judgement ? JUDGEMENT_TAG_COLOURS[judgement] : "grey";
  return (
    <Tag colour={colour} className={className}>
      {judgementLabel(judgement)}
    </Tag>
  );
}
