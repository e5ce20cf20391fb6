import type { Metadata } from "next";
import { Link } from "@/components/govuk/link";
import { Button, Heading, Paragraph } from "@/components/govuk";
import { getCurrentUser } from "@/lib/auth/request";
import { signOutAction } from "./actions";

export const metadata: Metadata = { title: "Sign out" };

export default async function SignOutPage() {
  const user = await getCurrentUser();
  if (user) {
    return (
      <>
        <Heading level={1}>Sign out</Heading>
        <Paragraph>You are signed in as {user.name}.</Paragraph>
        <form action={signOutAction}>
          <Button type="submit">Sign out</Button>
        </form>
      </>
    );
  }
  return (
    <>
      <Heading level={1}>You have signed out</Heading>
      <Paragraph>
        <Link href="/sign-in">Sign in again</Link> or go to the <Link href="/">list of local authorities</Link>.
      </Paragraph>
    </>
  );
}
