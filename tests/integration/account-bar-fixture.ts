// The account bar as the app renders it (app/layout.tsx, components/auth/account-bar.tsx), for the page
// cache's stand-ins for Next.js: the name in the markup and again in an RSC payload script, or the name
// slot in both when the page cache hands over a shared render (decision 0031).
import { accountNameSlot } from "@/lib/auth/account-slot";
import type { HandOff } from "@/lib/auth/session-handoff";
import { escapeHtml } from "@/lib/core/html-escape";

export function accountBarHtml(name: string, handOff: HandOff | undefined): string {
  const shown = handOff?.accountNameSlot ? accountNameSlot() : name;
  const row = `5:["$","strong",null,{"children":${JSON.stringify(shown)}}]\n`;
  return `<p>Signed in as <strong>${escapeHtml(shown)}</strong></p><script>self.__next_f.push(${JSON.stringify([1, row])})</script>`;
}
