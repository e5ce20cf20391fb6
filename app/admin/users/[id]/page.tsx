import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SummaryList, Tag } from "@/components/govuk";
import { FormPage } from "@/components/forms/form-page";
import { formatDateTime } from "@/lib/auth/format-time";
import { formTitle } from "@/lib/actions/form-title";
import { requireAccess } from "@/lib/auth/request";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { getUserForAdmin, listAssignableAuthorities } from "@/lib/users/server";
import { EditUserForms } from "./edit-user-forms";

const TITLE = "Manage user";
export async function generateMetadata(): Promise<Metadata> {
  return { title: await formTitle(TITLE) };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAccess("users.manage", { kind: "users" });
  const { id } = await params;
  const [user, authorities] = await Promise.all([getUserForAdmin(id), listAssignableAuthorities()]);
  if (!user) notFound();

  return (
    <FormPage back={{ href: "/admin/users", text: "Back to users" }} caption="Manage user" heading={user.name}>
      <SummaryList
        rows={[
          { key: "Email address", value: user.email },
          { key: "Role", value: ROLE_LABELS[user.role] },
          { key: "Local authority", value: user.la?.name ?? "–" },
          {
            key: "Status",
            value: (
              <span className="flex flex-wrap gap-1">
                {user.disabledAt ? <Tag colour="grey">Disabled</Tag> : <Tag colour="green">Active</Tag>}
                {user.isDemo ? <Tag colour="yellow">Demo</Tag> : null}
              </span>
            ),
          },
          { key: "Added", value: formatDateTime(user.createdAt) },
        ]}
      />
      <EditUserForms
        user={{ id: user.id, name: user.name, role: user.role, laNumber: user.laNumber, disabled: Boolean(user.disabledAt) }}
        authorities={authorities}
        title={`${TITLE} – Children's social care insight`}
      />
    </FormPage>
  );
}
