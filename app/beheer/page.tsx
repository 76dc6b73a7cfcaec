import { redirect } from 'next/navigation';
import { isAdministrator, requireAdminPage } from '@/app/_server/admin-page';

export const dynamic = 'force-dynamic';

/** /beheer opens on the first admin page the person may use. */
export default async function AdminHome(): Promise<never> {
  const { scope } = await requireAdminPage('/beheer', isAdministrator);
  redirect(scope.canImport ? '/beheer/import' : scope.canManageAccounts ? '/beheer/accounts' : '/beheer/audit');
}
