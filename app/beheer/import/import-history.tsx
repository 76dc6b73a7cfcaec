'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useI18n } from '@/app/_components/i18n-provider';
import type { ImportRunJson } from '@/app/api/imports/report';
import styles from '../admin.module.css';
import { LAYER_KEYS } from './import-fields';

/**
 * Every uploaded import, newest first: who, when, which file, what it brought, and an undo
 * that asks once more before it removes the import's records (POST /api/imports/{id}/undo).
 */
export function ImportHistory({ runs }: { runs: ImportRunJson[] }) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [message, setMessage] = useState<{ id: number; text: string; ok: boolean } | null>(null);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(
      new Date(iso),
    );

  async function undo(id: number) {
    setBusy(id);
    setMessage(null);
    try {
      const response = await fetch(`/api/imports/${id}/undo`, { method: 'POST', credentials: 'same-origin' });
      const body = (await response.json().catch(() => null)) as {
        error?: string;
        removed?: number;
        restored?: number;
      } | null;
      setMessage(
        response.ok
          ? {
              id,
              ok: true,
              text: t('admin.history.undone', { id, removed: body?.removed ?? 0, restored: body?.restored ?? 0 }),
            }
          : { id, ok: false, text: body?.error ?? t('admin.import.error.unavailable') },
      );
    } catch {
      setMessage({ id, ok: false, text: t('admin.import.error.unavailable') });
    }
    setBusy(null);
    setConfirming(null);
    router.refresh();
  }

  return (
    <section className={styles.card} aria-labelledby="import-history-title" data-testid="import-history">
      <h2 id="import-history-title" className={styles.cardTitle}>
        {t('admin.history.title')}
      </h2>
      {message && (
        <p className={message.ok ? styles.success : styles.alert} role="status" data-testid="undo-message">
          {message.text}
        </p>
      )}
      {runs.length === 0 ? (
        <p className={styles.empty}>{t('admin.history.empty')}</p>
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th className={styles.num}>#</th>
                <th>{t('admin.history.col.when')}</th>
                <th>{t('admin.history.col.layer')}</th>
                <th>{t('admin.history.col.file')}</th>
                <th className={styles.num}>{t('admin.history.col.rows')}</th>
                <th>{t('admin.history.col.by')}</th>
                <th>{t('admin.history.col.status')}</th>
                <th>
                  <span className="visually-hidden">{t('admin.history.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr
                  key={run.id}
                  data-testid={`import-run-${run.id}`}
                  data-file={run.fileName}
                  data-undone={run.undoneAt !== null}
                >
                  <td className={styles.num}>{run.id}</td>
                  <td>{when(run.createdAt)}</td>
                  <td>{t(LAYER_KEYS[run.layer])}</td>
                  <td>
                    {run.fileName}
                    <div className={styles.hint}>
                      {[
                        run.format?.toUpperCase(),
                        run.encoding,
                        run.crs === 'lambert72' ? 'Lambert 72' : run.crs === 'wgs84' ? 'WGS84' : null,
                        `${(run.fileBytes / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} kB`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                  </td>
                  <td className={styles.num} data-testid="run-rows">
                    {run.rowCount.toLocaleString(locale)}
                    {run.replacedCount > 0 && (
                      <div className={styles.hint}>
                        {t('admin.history.replaced', { count: run.replacedCount.toLocaleString(locale) })}
                      </div>
                    )}
                  </td>
                  <td>{run.createdByName ?? '—'}</td>
                  <td>
                    {run.undoneAt === null ? (
                      <span className={styles.badge}>{t('admin.history.active')}</span>
                    ) : (
                      <span className={`${styles.badge} ${styles.badgeMuted}`}>
                        {t('admin.history.undoneAt', { when: when(run.undoneAt), name: run.undoneByName ?? '—' })}
                      </span>
                    )}
                  </td>
                  <td>
                    {run.undoneAt === null &&
                      (confirming === run.id ? (
                        <span className={styles.inlineActions}>
                          <button
                            type="button"
                            className={`button button-small ${styles.buttonDanger}`}
                            disabled={busy !== null}
                            onClick={() => void undo(run.id)}
                            data-testid={`undo-confirm-${run.id}`}
                          >
                            {busy === run.id ? t('admin.history.undoing') : t('admin.history.confirmUndo')}
                          </button>
                          <button
                            type="button"
                            className="button button-small"
                            disabled={busy !== null}
                            onClick={() => setConfirming(null)}
                          >
                            {t('admin.cancel')}
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setConfirming(run.id)}
                          data-testid={`undo-${run.id}`}
                        >
                          {t('admin.history.undo')}
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
