'use client';

import { useI18n } from '@/app/_components/i18n-provider';
import styles from '../admin.module.css';

export interface Progress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}

/**
 * The import's progress as the server streams it: first every point's neighbourhood is
 * checked, then the records are written (one transaction). Stays full once done, so the
 * result shows how much was written.
 */
export function CommitProgress({ progress, done }: { progress: Progress | null; done: boolean }) {
  const { t, locale } = useI18n();
  const total = progress?.total ?? 0;
  const count = done ? total : (progress?.done ?? 0);
  // Checking is the first half of the work, writing the second.
  const share = done ? 1 : !progress || total === 0 ? 0 : (progress.phase === 'checking' ? 0 : 0.5) + count / total / 2;
  const label = done
    ? t('admin.import.progress.done')
    : progress?.phase === 'writing'
      ? t('admin.import.progress.writing')
      : progress?.phase === 'checking'
        ? t('admin.import.progress.checking')
        : t('admin.import.progress.starting');
  return (
    <div className={styles.progressBlock}>
      <div className={styles.progressLabel}>
        <span data-testid="import-progress-phase">{label}</span>
        <span>
          {t('admin.import.progress.count', {
            done: count.toLocaleString(locale),
            total: total.toLocaleString(locale),
          })}
        </span>
      </div>
      <div
        className={styles.progress}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 100)}
        data-testid="import-progress"
        data-done={done}
      >
        <div className={styles.progressBar} style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}
