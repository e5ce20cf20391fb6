import { JUDGEMENT_LABELS, NOT_JUDGED_LABEL, judgementLabel, type JudgementId } from "@/lib/catalogue/judgements";
import { Tag, type TagColour } from "./tag";

/** Ofsted ILACS judgement, as stored; its wording is the catalogue's (lib/catalogue/judgements.ts). */
export type Judgement = JudgementId;

export { JUDGEMENT_LABELS, NOT_JUDGED_LABEL, judgementLabel };

export const JUDGEMENT_TAG_COLOURS: Record<Judgement, TagColour> = {
  OUTSTANDING: "green",
  GOOD: "turquoise",
  REQUIRES_IMPROVEMENT: "yellow",
  INADEQUATE: "red",
};

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
