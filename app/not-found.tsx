import type { Metadata } from "next";
import { Link } from "@/components/govuk/link";

export const metadata: Metadata = {
  title: "Page not found",
};

export default function NotFound() {
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p className="govuk-body">
        You can go back to the <Link href="/">list of local authorities</Link>.
      </p>
    </>
  );
}
