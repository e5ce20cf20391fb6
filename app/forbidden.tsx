import type { Metadata } from "next";
import { Link } from "@/components/govuk/link";

export const metadata: Metadata = {
  title: "You do not have permission to view this page",
};

// Rendered with HTTP 403 when a page guard refuses a signed-in user (lib/auth/request.ts).
// The refusal has already been written to the audit log.
export default function Forbidden() {
  return (
    <>
      <h1 className="govuk-heading-l">You do not have permission to view this page</h1>
      <p className="govuk-body">
        Your account does not give you access to this page. Improvement plans can only be seen by people from that local authority and by
        DfE analysts.
      </p>
      <p className="govuk-body">If you think you should have access, contact your administrator for this service.</p>
      <p className="govuk-body">
        You can go back to the <Link href="/">list of local authorities</Link>.
      </p>
    </>
  );
}
