import type { AnchorHTMLAttributes } from "react";

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/**
 * A link inside the service: a plain anchor, so following it is an ordinary page load (decision 0032).
 * Every page is dynamic (nonce CSP and the session, decision 0010); Next.js's <Link> turned each click
 * into a React Server Components request, which the page cache never answers (it bypasses `rsc`
 * requests), so every navigation was a full render — while a page load is answered from the cache
 * whenever someone with the same access has opened that page since the data last changed (decision
 * 0031). It also made each link a client component: 51 of them on an LA dashboard, each in the RSC
 * payload and hydrated. Nothing imports next/link (tests/unit/import-rules.test.ts).
 */
export function Link({ children, ...props }: LinkProps) {
  return <a {...props}>{children}</a>;
}
