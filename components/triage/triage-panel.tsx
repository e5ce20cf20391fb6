// For the LA dashboard, beside the risk flags: the LA's triage status, latest note and history.
// DfE analysts only — it renders nothing at all for anyone else, so it is safe on a public page:
//
//   <Suspense fallback={null}><TriagePanel laNumber={la.laNumber} /></Suspense>
import { Link } from "@/components/govuk/link";
import { getTriageDetail } from "@/lib/triage/server";
import { TriageStateSummary } from "./triage-state-summary";
import { TriageHistory } from "./triage-history";

const SHOWN = 10;

export async function TriagePanel({ laNumber, laName }: { laNumber: string; laName: string }) {
  const detail = await getTriageDetail(laNumber, { limit: SHOWN });
  if (!detail) return null;
  return (
    <section aria-labelledby="triage-panel-heading" className="mb-8" data-testid="triage-panel">
      <h2 id="triage-panel-heading" className="govuk-heading-m">
        Triage by DfE analysts
      </h2>
      <TriageStateSummary state={detail.state} />
      <h3 className="govuk-heading-s">History</h3>
      <TriageHistory events={detail.events} laName={laName} total={detail.total} />
      <p className="govuk-body">
        <Link className="govuk-link" href={`/risk/la/${laNumber}#triage`}>
          Record a review of {laName}
        </Link>{" "}
        ·{" "}
        <Link className="govuk-link" href="/risk?status=OPEN">
          Risk inbox
        </Link>
      </p>
    </section>
  );
}
