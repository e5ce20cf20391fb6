"use server";

import { redirect } from "next/navigation";
import { applySetCookies, requestContext } from "@/lib/auth/request";
import { signOut } from "@/lib/auth/sign-in";

/** Ends the session (row deleted, cookie cleared, audited). A POST from a form; never a GET. */
export async function signOutAction(): Promise<void> {
  const { setCookies } = await signOut(await requestContext());
  await applySetCookies(setCookies);
  redirect("/sign-out");
}
