import type { Metadata } from "next";
import { Link } from "@/components/govuk/link";
import { Button, Heading, NotificationBanner, Paragraph, StaticTable, Tag } from "@/components/govuk";
import { StaticPart } from "@/components/govuk/static-part";
import { formatDateTime } from "@/lib/auth/format-time";
import { requireAccess } from "@/lib/auth/request";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { listUsers } from "@/lib/users/server";

export const metadata: Metadata = { title: "Users" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAccess("users.manage", { kind: "users" });
  const { created } = await searchParams;
  const users = await listUsers();
  const createdUser = typeof created === "string" ? users.find((u) => u.id === created) : undefined;

  return (
    <>
      {createdUser ? (
        <NotificationBanner type="success" heading={`${createdUser.name} has been added`}>
          <p className="govuk-body">They can sign in as {createdUser.email} with the password you set. Give it to them securely.</p>
        </NotificationBanner>
      ) : null}
      <Heading level={1}>Users</Heading>
      <Paragraph>
        Directors and team managers see and work on their own local authority&apos;s improvement plan. DfE analysts see every plan and
        triage the national risk inbox. Administrators manage users.
      </Paragraph>
      <Button href="/admin/users/new">Add a user</Button>
      {/* one row per account, nothing interactive but links: in the page once, as HTML, not again in the payload */}
      <StaticPart id="user-list">
        <StaticTable
          captionId="user-list-caption"
          caption={`${users.length} user${users.length === 1 ? "" : "s"}`}
          captionSize="m"
          head={["Name", "Email address", "Role", "Local authority", "Status", "Last signed in"]}
          rows={users.map((u) => [
            { text: <Link href={`/admin/users/${u.id}`}>{u.name}</Link> },
            u.email,
            ROLE_LABELS[u.role],
            u.laName ?? "–",
            {
              text: (
                <span className="flex flex-wrap gap-1">
                  {u.disabledAt ? <Tag colour="grey">Disabled</Tag> : <Tag colour="green">Active</Tag>}
                  {u.isDemo ? <Tag colour="yellow">Demo</Tag> : null}
                </span>
              ),
            },
            formatDateTime(u.lastSignIn),
          ])}
        />
      </StaticPart>
    </>
  );
}
