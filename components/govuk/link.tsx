import NextLink from "next/link";
import type { ComponentProps } from "react";

export type LinkProps = ComponentProps<typeof NextLink>;

/**
 * A link inside the service: Next.js's <Link> (client-side navigation) without automatic prefetching.
 * Next.js prefetches every <Link> that scrolls into view. Here every page is dynamic (nonce CSP and the
 * session, decision 0010), so each prefetch is a server render that bypasses the page cache and brings
 * back almost nothing usable (there is no loading.tsx to prefetch up to), while the browser spends
 * main-thread time watching and processing them: loading `/` made 22 such requests (two per visible
 * link). Pass `prefetch` explicitly to opt a link back in. Decision 0013.
 */
export function Link({ prefetch = false, ...props }: LinkProps) {
  return <NextLink prefetch={prefetch} {...props} />;
}
