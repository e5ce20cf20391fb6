import type { Metadata } from "next";
import { BackLink } from "@/components/govuk";
import { formTitle } from "@/lib/actions/form-title";
import { requireAccess } from "@/lib/auth/request";
import { listAssignableAuthorities } from "@/lib/users/server";
import { CreateUserForm } from "./create-user-form";

const TITLE = "Add a user";
export async function generateMetadata(): Promise<Metadata> {
  return { title: await formTitle(TITLE) };
}

export default async function NewUserPage() {
  await requireAccess("users.manage", { kind: "users" });
  const authorities = await listAssignableAuthorities();
  return (
    <>
      <BackLink href="/admin/users">Back to users</BackLink>
      <div className="max-w-[640px]">
        <CreateUserForm authorities={authorities} title={`${TITLE} – Children's social care insight`} />
      </div>
    </>
  );
}
