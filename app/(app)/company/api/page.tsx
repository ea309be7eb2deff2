import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listApiKeys, listUserExternalIds } from "@/db/queries/api";
import { requirePermission } from "@/lib/auth/session";
import { ApiKeysManager } from "./api-keys-manager";
import { UserExternalIds } from "./user-external-ids";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("api"))("title") };
}

export default async function ApiKeysPage() {
  const { db, companyId } = await requirePermission("manageApiKeys");
  const [keys, users] = await Promise.all([listApiKeys(db, { companyId }), listUserExternalIds(db, { companyId })]);
  return (
    <div className="space-y-6">
    <ApiKeysManager
      keys={keys.map((key) => ({
        id: key.id,
        name: key.name,
        prefix: key.prefix,
        scopes: key.scopes,
        createdByName: key.createdByName,
        createdAt: key.createdAt.toISOString(),
        lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
        revokedAt: key.revokedAt?.toISOString() ?? null,
      }))}
    />
    <UserExternalIds users={users} />
    </div>
  );
}
