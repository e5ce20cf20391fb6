import type { Metadata } from "next";
import { INBOX_TITLE, InboxPage } from "@/components/triage/inbox-page";
import { formTitle } from "@/lib/actions/form-title";
import { requireAccess } from "@/lib/auth/request";
import { canSeeTriage } from "@/lib/triage/server";
import { parseInboxFilters } from "@/lib/triage/filters";
import { bulkUpdateTriage } from "./actions";

export const dynamic = "force-dynamic";
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const raw = await searchParams;
  if (await canSeeTriage()) {
    // "Error: " after a bad filter, or after a refused bulk update submitted without JavaScript
    return { title: parseInboxFilters(raw).errors.length ? `Error: ${INBOX_TITLE}` : await formTitle(INBOX_TITLE) };
  }
  return { title: "Risk flags for all local authorities" };
}

/**
 * The national ranking of every LA by risk score, as DfE analysts' working inbox (issue 9). Not public
 * (issue 14): a named list of LAs whose figures "look like those of services later judged Inadequate"
 * is not a published statistic. Anyone else: sign in, or 403 — a DCS or team manager sees their own
 * LA's flags on its dashboard. See docs/decisions/0017-security-hardening.md.
 */
export default async function RiskPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAccess("risk.view", { kind: "risk", laNumber: null });
  return <InboxPage raw={await searchParams} action={bulkUpdateTriage} title={INBOX_TITLE} />;
}
