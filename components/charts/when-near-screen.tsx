"use client";
// Draws its children only when their place on the page comes near the screen (400 px ahead), with a
// same-sized placeholder until then. Charts below the fold then cost nothing to a reader who does not
// scroll to them: fetching recharts and drawing a chart is the heaviest work these pages give the
// browser (on /risk, about 1 s of main thread on Lighthouse's mobile preset). Without JavaScript, or
// before the chart is drawn, the caption and table twin beside each chart carry the same figures.
import { useEffect, useRef, useState, type ReactNode } from "react";

export function ChartPlaceholder({ className }: { className: string }) {
  return (
    <div className={`${className} flex w-full items-center justify-center bg-govuk-light-grey`}>
      <p className="govuk-body m-0">Loading chart…</p>
    </div>
  );
}

/**
 * `className` sizes the wrapper (e.g. "h-full" inside a box of set height); until the box is near the
 * screen it shows `placeholder` (the server-drawn chart), or a grey box sized by `placeholderClass`.
 */
export function WhenNearScreen({
  placeholderClass = "h-full",
  placeholder,
  className,
  children,
}: {
  placeholderClass?: string;
  placeholder?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: "400px 0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className={className}>
      {near ? children : (placeholder ?? <ChartPlaceholder className={placeholderClass} />)}
    </div>
  );
}
