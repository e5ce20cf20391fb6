import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { AccountBar } from "@/components/auth/account-bar";
import { FormTooLongSummary } from "@/components/forms/form-too-long-summary";
import { Footer } from "@/components/govuk/footer";
import { Header } from "@/components/govuk/header";
import { PageContainer } from "@/components/govuk/page-container";
import { PhaseBanner } from "@/components/govuk/phase-banner";
import { SkipLink } from "@/components/govuk/skip-link";
import { SERVICE_NAME } from "@/lib/actions/form-title";
import { navigationFor } from "@/lib/auth/navigation";
import { accountDisplayName, getCurrentUser } from "@/lib/auth/request";
import { signOutAction } from "./sign-out/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    template: `%s – ${SERVICE_NAME}`,
    default: SERVICE_NAME,
  },
  description:
    "Published children's social care statistics for local authorities in England: workforce, children in need, referrals, child protection plans and Ofsted judgements.",
};

export const viewport: Viewport = {
  themeColor: "#0b0c0c",
};

// Every page reads the session (and gets a fresh CSP nonce from proxy.ts), so nothing is prerendered.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const navigation = [...navigationFor(user), ...(user ? [] : [{ href: "/sign-in", label: "Sign in" }])];
  return (
    <html lang="en-GB" className="govuk-template">
      <body className="govuk-template__body">
        <SkipLink />
        <Header serviceName={SERVICE_NAME} navigation={navigation}>
          {user ? (
            <AccountBar
              name={await accountDisplayName(user)}
              role={user.role}
              laName={user.laName}
              isDemo={user.isDemo}
              signOut={signOutAction}
            />
          ) : null}
          <PhaseBanner>
            This is a new service. The figures are real published statistics; any improvement-plan examples are demo data.
          </PhaseBanner>
        </Header>
        <PageContainer>
          <FormTooLongSummary />
          {children}
        </PageContainer>
        <Footer />
      </body>
    </html>
  );
}
