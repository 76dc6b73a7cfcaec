import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { isAdministrator } from '@/app/_server/admin-page';
import { getCurrentAccount } from '@/app/_server/session';
import { getTranslator } from '@/lib/i18n/server';
import { AdminTab } from './admin-tab';
import styles from './admin.module.css';

/**
 * The frame of the admin pages: tabs for imports, accounts and the audit log. Other roles get
 * a 403 here already; anonymous visitors are sent to sign in by each page's own layout, which
 * knows where to bring them back.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const [{ t }, account] = await Promise.all([getTranslator(), getCurrentAccount()]);
  if (!account) return children;
  if (!isAdministrator(account.scope)) forbidden();
  return (
    <div className={styles.frame} data-testid="admin-frame">
      <div className={styles.inner}>
        <nav aria-label={t('admin.nav.label')} className={styles.tabs}>
          {account.scope.canImport && <AdminTab href="/beheer/import">{t('admin.nav.import')}</AdminTab>}
          {account.scope.canManageAccounts && <AdminTab href="/beheer/accounts">{t('admin.nav.accounts')}</AdminTab>}
          {account.scope.canReadAuditLog && <AdminTab href="/beheer/audit">{t('admin.nav.audit')}</AdminTab>}
        </nav>
        {children}
      </div>
    </div>
  );
}
