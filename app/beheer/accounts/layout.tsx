import type { ReactNode } from 'react';
import { requireAdminPage } from '@/app/_server/admin-page';
import { canManageAccounts } from '@/lib/auth/access';

/** Runs before the loading boundary, so anonymous visitors get a real redirect and others a real 403. */
export default async function AccountsLayout({ children }: { children: ReactNode }) {
  await requireAdminPage('/beheer/accounts', canManageAccounts);
  return children;
}
