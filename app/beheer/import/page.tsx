import type { Metadata } from 'next';
import { requireAdminPage } from '@/app/_server/admin-page';
import { runJson } from '@/app/api/imports/report';
import { listImportRuns } from '@/db/queries/imports/import-runs';
import { getDb } from '@/db/server';
import { canImport } from '@/lib/auth/access';
import { getTranslator } from '@/lib/i18n/server';
import styles from '../admin.module.css';
import { ImportHistory } from './import-history';
import { ImportWorkbench } from './import-workbench';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('admin.import.title') };
}

/** /beheer/import: check a file (dry run), import it with progress, and the history with undo. */
export default async function ImportPage() {
  await requireAdminPage('/beheer/import', canImport);
  const [{ t }, runs] = await Promise.all([getTranslator(), getDb().then((db) => listImportRuns(db, 50))]);
  return (
    <>
      <h1 className={styles.heading}>{t('admin.import.title')}</h1>
      <p className={styles.intro}>{t('admin.import.intro')}</p>
      <ImportWorkbench />
      <ImportHistory runs={runs.map(runJson)} />
    </>
  );
}
