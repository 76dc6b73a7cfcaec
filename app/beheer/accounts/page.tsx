import type { Metadata } from 'next';
import { requireAdminPage } from '@/app/_server/admin-page';
import { listRegions } from '@/db/queries/areas';
import { listAccounts, listMunicipalityChoices, listOrganisations } from '@/db/queries/account-admin';
import { getDb } from '@/db/server';
import { canManageAccounts } from '@/lib/auth/access';
import { getTranslator } from '@/lib/i18n/server';
import styles from '../admin.module.css';
import { AccountForm } from './account-form';
import { AccountTable } from './account-table';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('admin.accounts.title') };
}

/** /beheer/accounts: every account with its role and area, create one, disable, sign out everywhere. */
export default async function AccountsPage() {
  const account = await requireAdminPage('/beheer/accounts', canManageAccounts);
  const db = await getDb();
  const [{ t }, accounts, organisations, municipalities, regions] = await Promise.all([
    getTranslator(),
    listAccounts(db),
    listOrganisations(db),
    listMunicipalityChoices(db),
    listRegions(db),
  ]);
  return (
    <>
      <h1 className={styles.heading}>{t('admin.accounts.title')}</h1>
      <p className={styles.intro}>{t('admin.accounts.intro')}</p>
      <AccountTable
        accounts={accounts.map((a) => ({ ...a, disabledAt: a.disabledAt?.toISOString() ?? null }))}
        selfId={account.scope.userId}
      />
      <AccountForm
        organisations={organisations}
        municipalities={municipalities}
        regions={regions.map((region) => ({ code: region.code, name: region.name }))}
      />
    </>
  );
}
