import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Footer } from "@/components/govuk/footer";
import { Header } from "@/components/govuk/header";
import type { NavigationItem } from "@/components/govuk/header-navigation";
import { PageContainer } from "@/components/govuk/page-container";
import { PhaseBanner } from "@/components/govuk/phase-banner";
import { SkipLink } from "@/components/govuk/skip-link";
import "./globals.css";

const SERVICE_NAME = "Children's social care insight";

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

const NAVIGATION: NavigationItem[] = [
  { href: "/", label: "All local authorities" },
  { href: "/about/data", label: "About the data" },
];

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB" className="govuk-template">
      <body className="govuk-template__body">
        <SkipLink />
        <Header serviceName={SERVICE_NAME} navigation={NAVIGATION}>
          <PhaseBanner>
            This is a new service. The figures are real published statistics; any improvement-plan examples are
            demo data.
          </PhaseBanner>
        </Header>
        <PageContainer>{children}</PageContainer>
        <Footer />
      </body>
    </html>
  );
}
