// What each measure means, where it comes from (file and release) and its reference date.
import { Details, Link, SummaryList } from "@/components/govuk";
import type { Dashboard } from "@/lib/dashboard/build";
import { formatIsoDate } from "@/lib/dashboard/format";
import { UNIT_LABELS } from "@/lib/core/values";

const POLARITY: Record<string, string> = {
  HIGHER_IS_WORSE: "Higher is worse: an increase is shown as worse, and rank 1 is the lowest figure.",
  HIGHER_IS_BETTER: "Higher is better: an increase is shown as better, and rank 1 is the highest figure.",
  NEUTRAL: "Neither direction is better in itself: changes are shown without a judgement, and rank 1 is the lowest figure.",
};

export function IndicatorDefinitions({ dashboard }: { dashboard: Dashboard }) {
  return (
    <>
      {dashboard.definitions.map((d) => (
        <Details key={d.meta.id} summary={d.meta.label} id={`definition-${d.meta.id}`}>
          <SummaryList
            rows={[
              { key: "What it measures", value: d.meta.description },
              { key: "Unit", value: UNIT_LABELS[d.meta.unit] ?? d.meta.unit },
              { key: "Reading it", value: POLARITY[d.meta.polarity] },
              { key: "Reference date", value: d.meta.referenceDate },
              { key: "Source", value: d.seriesLabel },
              {
                key: "File and release",
                value: d.release ? (
                  <>
                    <code className="break-all">{d.release.fileName}</code>, column <code>{d.meta.sourceColumn}</code> ({d.release.edition};
                    imported {formatIsoDate(d.release.importedAt)})
                  </>
                ) : (
                  "Not imported"
                ),
              },
              { key: "Years", value: d.years.length ? `${d.years[0]} to ${d.years.at(-1)}` : "None" },
              {
                key: "Markers",
                value: (
                  <>
                    Where the publisher printed a letter instead of a number (c, low, u, x or z), we show that letter with its meaning,
                    never 0; charts leave a gap. <Link href="/about/data#symbols">What the markers mean</Link>.
                  </>
                ),
              },
            ]}
          />
        </Details>
      ))}
    </>
  );
}
