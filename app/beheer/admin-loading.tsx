import { getTranslator } from '@/lib/i18n/server';
import styles from './admin.module.css';

/** Shown while an admin page reads its lists. */
export async function AdminLoading() {
  const { t } = await getTranslator();
  return (
    <div className={styles.card} aria-busy="true">
      <div className={styles.loading} role="status">
        <span className="spinner" aria-hidden="true" />
        {t('admin.loading')}
      </div>
    </div>
  );
}
