// Figures a newer release revised (decision 0020: every revision is recorded, indicator_value_revision),
// said beside the figure: "England: revised in the 2025 release from 13.8% to 13.9%". Pure.
import type { SeriesId } from "@/lib/catalogue/series";
import { periodShort } from "./periods";
import { unitSuffix } from "@/lib/core/values";

export type RevisionInfo = { previousRaw: string; raw: string; previousReleaseId: number; releaseId: number };
export type RevisionRelease = { id: number; editionRank: number; fileName: string };

/** The key revisions are held under in the snapshot. */
export const revisionKey = (indicatorId: string, geoCode: string, period: number) => `${indicatorId}|${geoCode}|${period}`;

const isNumber = (raw: string) => /^-?\d+(\.\d+)?$/.test(raw);

/**
 * One sentence per revision of a place's figure, oldest first: which release revised it, from what, to
 * what ("%" after numbers when the unit is a percentage; a marker stays its letter).
 */
export function revisionNotes(
  place: string,
  revisions: readonly RevisionInfo[],
  series: SeriesId,
  unit: string,
  releases: ReadonlyMap<number, RevisionRelease>,
): string[] {
  const shown = (raw: string) => (isNumber(raw) ? `${raw}${unitSuffix(unit)}` : raw);
  return revisions.map((r) => {
    const release = releases.get(r.releaseId);
    const which = release ? `the ${periodShort(series, release.editionRank)} release (${release.fileName})` : "a later release";
    return `${place}: revised in ${which} from ${shown(r.previousRaw)} to ${shown(r.raw)}`;
  });
}
