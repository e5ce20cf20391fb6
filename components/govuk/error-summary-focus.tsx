"use client";

import { useEffect, useRef, type ReactNode } from "react";

export interface ErrorSummaryFocusProps {
  /** The <ErrorSummary> (its root element must have tabIndex={-1}). */
  children: ReactNode;
}

/** Moves keyboard focus to the wrapped error summary when it first renders. */
export function ErrorSummaryFocus({ children }: ErrorSummaryFocusProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = ref.current?.firstElementChild;
    if (target instanceof HTMLElement) target.focus();
  }, []);
  return (
    <div ref={ref} className="contents">
      {children}
    </div>
  );
}
