"use client";

import { useEffect, useState } from "react";

/**
 * False during the server render and the first client render, true after mount. Charts draw only in
 * the browser: the server sends a sized placeholder and the table twin carries the same figures, so
 * the page renders fast and works without JavaScript.
 */
export function useMounted(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}
