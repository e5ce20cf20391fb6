import { Tag } from "@/components/govuk";
import type { Severity } from "@/lib/risk/rules";

/** RAG severity as a GOV.UK tag: the word says it, the colour only repeats it. */
export function SeverityTag({ severity, className }: { severity: Severity; className?: string }) {
  return (
    <Tag colour={severity === "red" ? "red" : "orange"} className={className}>
      {severity === "red" ? "Red" : "Amber"}
    </Tag>
  );
}
