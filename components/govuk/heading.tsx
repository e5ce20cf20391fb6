import type { ReactNode } from "react";
import { cx } from "./cx";

export type HeadingSize = "xl" | "l" | "m" | "s";
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface HeadingProps {
  /** Semantic level (h1–h6). */
  level: HeadingLevel;
  /** Visual size. Defaults by level: h1 → l, h2 → m, h3+ → s. */
  size?: HeadingSize;
  /** Secondary text shown above the heading (GOV.UK caption). */
  caption?: ReactNode;
  children: ReactNode;
  id?: string;
  className?: string;
}

const DEFAULT_SIZE: Record<HeadingLevel, HeadingSize> = { 1: "l", 2: "m", 3: "s", 4: "s", 5: "s", 6: "s" };
const CAPTION_SIZE: Record<HeadingSize, "xl" | "l" | "m"> = { xl: "xl", l: "l", m: "m", s: "m" };

/** GOV.UK heading, optionally with a caption above it. */
export function Heading({ level, size, caption, children, id, className }: HeadingProps) {
  const Tag = `h${level}` as const;
  const visualSize = size ?? DEFAULT_SIZE[level];
  return (
    <>
      {caption ? <span className={`govuk-caption-${CAPTION_SIZE[visualSize]}`}>{caption}</span> : null}
      <Tag id={id} className={cx(`govuk-heading-${visualSize}`, className)}>
        {children}
      </Tag>
    </>
  );
}

export interface ParagraphProps {
  children: ReactNode;
  /** "l" = lead paragraph (24px), "m" = body (default), "s" = small (16px). */
  size?: "l" | "m" | "s";
  className?: string;
}

/** GOV.UK body paragraph. */
export function Paragraph({ children, size = "m", className }: ParagraphProps) {
  return <p className={cx(size === "m" ? "govuk-body" : `govuk-body-${size}`, className)}>{children}</p>;
}

export interface ListProps {
  children: ReactNode;
  /** "bullet" (ul with discs), "number" (ol) or plain (default). */
  type?: "bullet" | "number";
  className?: string;
}

/** GOV.UK list. */
export function List({ children, type, className }: ListProps) {
  const classes = cx("govuk-list", type && `govuk-list--${type}`, className);
  return type === "number" ? <ol className={classes}>{children}</ol> : <ul className={classes}>{children}</ul>;
}

export interface SectionBreakProps {
  size?: "m" | "l";
  visible?: boolean;
}

export function SectionBreak({ size = "l", visible = true }: SectionBreakProps) {
  return <hr className={cx("govuk-section-break", `govuk-section-break--${size}`, visible && "govuk-section-break--visible")} />;
}
