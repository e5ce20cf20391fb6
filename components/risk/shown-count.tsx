import type { ReactNode } from "react";
import { Link } from "@/components/govuk/link";

/** "Showing N of M local authorities…", announced when it changes, with a way back to the unfiltered list. */
export function ShownCount({
  shown,
  total,
  filtered,
  children,
}: {
  shown: number;
  total: number;
  filtered: boolean;
  children?: ReactNode;
}) {
  return (
    <p className="govuk-body" role="status">
      Showing <strong>{shown}</strong> of {total} local authorities{filtered ? " matching your filters" : ""}
      {children}.
      {filtered ? (
        <>
          {" "}
          <Link href="/risk">Clear filters</Link>
        </>
      ) : null}
    </p>
  );
}
