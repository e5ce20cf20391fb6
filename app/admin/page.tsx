import { redirect } from "next/navigation";
import { requireAccess } from "@/lib/auth/request";

export default async function AdminPage() {
  await requireAccess("users.manage", { kind: "users" });
  redirect("/admin/users");
}
