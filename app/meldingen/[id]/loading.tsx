import { getTranslator } from '@/lib/i18n/server';
import styles from '@/app/_components/signal-page.module.css';

export default async function SignalLoading() {
  const { t } = await getTranslator();
  return (
    <div className={styles.page} aria-busy="true">
      <div className={styles.narrow}>
        <p className={styles.loading} role="status">
          <span className="spinner" aria-hidden="true" />
          {t('signals.loading')}
        </p>
      </div>
    </div>
  );
}
