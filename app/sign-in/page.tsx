import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Details, Paragraph, Table } from "@/components/govuk";
import { formTitle } from "@/lib/actions/form-title";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { homeFor } from "@/lib/auth/navigation";
import { getCurrentUser } from "@/lib/auth/request";
import { safeReturnTo } from "@/lib/auth/return-to";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { getAuthorityNames } from "@/lib/users/server";
import { getEnv } from "@/lib/core/env";
import { SignInForm } from "./sign-in-form";

const TITLE = "Sign in";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await formTitle(TITLE) };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const rawReturnTo = Array.isArray(params.returnTo) ? params.returnTo[0] : params.returnTo;
  const returnTo = rawReturnTo ? safeReturnTo(rawReturnTo) : null;
  const user = await getCurrentUser();
  if (user) redirect(returnTo && returnTo !== "/" ? returnTo : homeFor(user));
  const showDemo = !getEnv().isProduction;
  const laNames = showDemo
    ? await getAuthorityNames(DEMO_ACCOUNTS.flatMap((a) => (a.laNumber ? [a.laNumber] : [])))
    : new Map<string, string>();

  return (
    <div className="max-w-[640px]">
      <SignInForm returnTo={returnTo && returnTo !== "/" ? returnTo : null} title={`${TITLE} – Children's social care insight`} />
      <Paragraph>
        Published statistics are open to everyone. You only need to sign in to work on an improvement plan, triage the national risk inbox
        or manage users.
      </Paragraph>
      <Paragraph>If you do not have an account or cannot sign in, ask your organisation&apos;s administrator for this service.</Paragraph>
      {showDemo ? (
        <Details summary="Demo accounts (not available in production)">
          <Paragraph>
            These accounts exist only in demonstration and development copies of the service. Their password is{" "}
            <code className="font-mono font-bold">{DEMO_PASSWORD}</code>.
          </Paragraph>
          <Table
            caption="Demo accounts"
            captionSize="s"
            head={["Email address", "Role"]}
            rows={DEMO_ACCOUNTS.map((a) => [
              a.email,
              `${ROLE_LABELS[a.role]}${a.laNumber ? `, ${laNames.get(a.laNumber) ?? `LA ${a.laNumber}`}` : ""}`,
            ])}
          />
        </Details>
      ) : null}
    </div>
  );
}
