// The frame of a page that is one task (a form or a confirmation step): the back link, then a column
// two-thirds wide (GOV.UK) with the page's heading and its caption above the content.
import type { ReactNode } from "react";
import { BackLink, Heading } from "@/components/govuk";

type Props = { back: { href: string; text: string }; caption: string; heading: string; children: ReactNode };

export function FormPage({ back, caption, heading, children }: Props) {
  return (
    <>
      <BackLink href={back.href}>{back.text}</BackLink>
      <div className="max-w-[640px]">
        <Heading level={1} caption={caption}>
          {heading}
        </Heading>
        {children}
      </div>
    </>
  );
}
