import type { Metadata } from "next";
import { JUDGEMENT_TAG_COLOURS, JudgementTag, judgementLabel, type Judgement } from "@/components/govuk/judgement-tag";
import { Table } from "@/components/govuk/table";

export const metadata: Metadata = {
  title: "About the data",
  description: "Where the figures in Children's social care insight come from, what the symbols c, low, u, x and z mean, and the licence.",
};

const SOURCE_REPO_URL = "https://github.com/dfe-analytical-services/CSC_outcomes_and_enablers";
const OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

const JUDGEMENTS: Array<Judgement | null> = ["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE", null];

export default function AboutTheDataPage() {
  return (
    <>
      <h1 className="govuk-heading-l">About the data</h1>

      <p className="govuk-body-l">
        This service brings together statistics about children&apos;s social care in each local authority in England that the Department for
        Education (DfE), Ofsted and the Office for National Statistics (ONS) have already published.
      </p>

      <h2 className="govuk-heading-m">Where the data comes from</h2>
      <p className="govuk-body">
        All the data files come from the public repository <a href={SOURCE_REPO_URL}>dfe-analytical-services/CSC_outcomes_and_enablers</a>{" "}
        on GitHub. We use the files as published there, without editing them.
      </p>

      <Table
        caption="Data sources"
        captionSize="s"
        firstCellIsHeader
        head={["Data", "Published by", "Time period"]}
        rows={[
          ["Children's social work workforce (CSWW)", "DfE", "Snapshot at 30 September each year, 2017 to 2024"],
          ["Children in need (table b1)", "DfE", "Years ending 31 March, 2013 to 2024"],
          ["Referrals and re-referrals (table c1)", "DfE", "Years ending 31 March, 2013 to 2024"],
          ["Repeat child protection plans (table d3)", "DfE", "Years ending 31 March, 2013 to 2024"],
          ["Mid-year population estimates, children aged 0 to 17", "ONS", "Mid-year (30 June), 2012 to 2024"],
          ["Statistical neighbours", "DfE", "Groupings published in April 2021"],
          ["Local authority inspection outcomes", "Ofsted", "As at 31 March 2024 and as at 31 March 2025"],
        ]}
      />

      <h3 className="govuk-heading-s">Children&apos;s social work workforce</h3>
      <p className="govuk-body">
        Children and family social workers employed by each local authority on 30 September: numbers in post, starters, leavers, turnover,
        agency workers, vacancies, caseloads and sickness absence. Rates are based on full-time equivalent (FTE) posts.
      </p>
      <p className="govuk-body">
        Workforce figures are published jointly for Kingston upon Thames and Richmond upon Thames and, from 2021, for North Northamptonshire
        and West Northamptonshire.
      </p>

      <h3 className="govuk-heading-s">Children in need (b1)</h3>
      <p className="govuk-body">
        Children in need at any point in the year, episodes that started and ended in the year, children in need at 31 March, and rates per
        10,000 children.
      </p>

      <h3 className="govuk-heading-s">Referrals and re-referrals (c1)</h3>
      <p className="govuk-body">
        Referrals to children&apos;s social care in the year, the referral rate per 10,000 children, and the percentage of referrals that
        were re-referrals.
      </p>

      <h3 className="govuk-heading-s">Repeat child protection plans (d3)</h3>
      <p className="govuk-body">
        Child protection plans that started in the year, and the percentage of them that were a second or subsequent plan for the child.
      </p>

      <h3 className="govuk-heading-s">Population estimates</h3>
      <p className="govuk-body">
        ONS mid-year estimates of the number of children aged 0 to 17 living in each local authority. These are the usual basis for rates
        per 10,000 children.
      </p>

      <h3 className="govuk-heading-s">Statistical neighbours</h3>
      <p className="govuk-body">
        For each local authority, DfE lists the 10 local authorities most similar to it, nearest first. The groupings use April 2021 local
        authority boundaries, so they do not include Cumberland or Westmorland and Furness, which replaced Cumbria in April 2023.
      </p>

      <h3 className="govuk-heading-s">Ofsted inspection outcomes</h3>
      <p className="govuk-body">
        Judgements from Ofsted inspections of local authority children&apos;s services (ILACS), as at 31 March 2024 and as at 31 March 2025.
        The overall effectiveness judgement is shown with its full wording.
      </p>
      <Table
        caption="How Ofsted judgements are shown"
        captionSize="s"
        head={["Judgement", "Shown as", "Tag colour"]}
        rows={JUDGEMENTS.map((judgement) => [
          judgement === null ? "No judgement yet, for example not yet inspected" : judgementLabel(judgement),
          { text: <JudgementTag judgement={judgement} /> },
          colourName(judgement === null ? "grey" : JUDGEMENT_TAG_COLOURS[judgement]),
        ])}
      />

      <h2 className="govuk-heading-m">Changes to local authorities</h2>
      <p className="govuk-body">Some local authorities have changed during the period the data covers:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          April 2019: Bournemouth, Poole and the old Dorset County Council were replaced by Bournemouth, Christchurch and Poole, and Dorset
        </li>
        <li>April 2021: Northamptonshire was split into North Northamptonshire and West Northamptonshire</li>
        <li>April 2023: Cumbria was split into Cumberland, and Westmorland and Furness</li>
      </ul>
      <p className="govuk-body">
        Buckinghamshire (2020), North Yorkshire (2023) and Somerset (2023) became unitary authorities with new codes but the same area.
      </p>

      <h2 className="govuk-heading-m">Rounding</h2>
      <p className="govuk-body">
        Rates and percentages are published to 1 decimal place. In the children in need, referrals and child protection files, national and
        regional counts are rounded to the nearest 10, so they may not add up exactly.
      </p>

      <h2 className="govuk-heading-m" id="symbols">
        Symbols used in place of numbers
      </h2>
      <p className="govuk-body">
        Published statistics sometimes use a letter instead of a number. These are the standard symbols used in DfE&apos;s Explore education
        statistics service.
      </p>
      <Table
        caption="What the symbols mean"
        captionSize="s"
        firstCellIsHeader
        head={["Symbol", "Meaning"]}
        rows={[
          ["c", "Confidential: the figure is suppressed to protect individuals, usually because the number is small"],
          ["low", "The figure rounds to 0 but is not 0"],
          ["u", "Low reliability, for example because of a data quality issue for that local authority and year"],
          ["x", "Not available or not collected. The published files also use x where a local authority did not exist in that year"],
          ["z", "Not applicable, for example a rate that cannot be calculated because there is nothing to divide by"],
        ]}
      />
      <p className="govuk-body">
        We show these letters exactly as they are published. We never show them as 0, because that would suggest a real value of zero.
      </p>

      <h2 className="govuk-heading-m">Improvement-plan examples</h2>
      <p className="govuk-body">Any improvement-plan examples in this service are demo data, not real plans.</p>

      <h2 className="govuk-heading-m">Licence</h2>
      <p className="govuk-body">
        The statistics are published under the <a href={OGL_URL}>Open Government Licence v3.0</a>. Contains public sector information
        licensed under the Open Government Licence v3.0.
      </p>
    </>
  );
}

function colourName(colour: string): string {
  return colour.charAt(0).toUpperCase() + colour.slice(1);
}
