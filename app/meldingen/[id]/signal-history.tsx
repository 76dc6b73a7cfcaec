import { StatusBadge } from '@/app/_components/status-badge';
import styles from '@/app/_components/signal-page.module.css';
import type { SignalDetails } from '@/db/queries/signals';
import { formatMoment } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/locale';
import { getTranslator } from '@/lib/i18n/server';
import { SIGNAL_OUTCOME_LABELS } from '@/lib/signals/labels';

/**
 * The follow-up as a timeline, oldest first, starting with the report. What each entry shows
 * was decided in db/queries/signal-status.ts: referrals, notes and names only for coordinators.
 */
export async function SignalHistory({
  signal,
  locale,
  lang,
  detailed,
}: {
  signal: SignalDetails;
  locale: Locale;
  lang: 'nl' | 'en';
  detailed: boolean;
}) {
  const { t } = await getTranslator();
  return (
    <section className={styles.card} aria-labelledby="signal-history-heading" data-testid="signal-history">
      <h2 id="signal-history-heading" className="section-heading">
        {t('signals.history.title')}
      </h2>
      <ol className={styles.timeline}>
        <li className={styles.timelineItem}>
          <span className={styles.timelineWhen}>{formatMoment(locale, signal.reportedAt)}</span>
          <span>{t('signals.history.reported')}</span>
        </li>
        {signal.history.map((entry, index) => (
          <li key={index} className={styles.timelineItem} data-testid="history-entry">
            <span className={styles.timelineWhen}>{formatMoment(locale, entry.changedAt)}</span>
            <span className={styles.timelineWhat}>
              <StatusBadge status={entry.toStatus} lang={lang} />
              {entry.outcome && (
                <span>{t('signals.history.outcome', { outcome: SIGNAL_OUTCOME_LABELS[entry.outcome][lang] })}</span>
              )}
              {(entry.referredServiceName || entry.referredOrganisation) && (
                <span>
                  {t('signals.history.referredTo', {
                    to: entry.referredServiceName ?? entry.referredOrganisation ?? '',
                  })}
                </span>
              )}
              {entry.note && <span className={styles.timelineNote}>{entry.note}</span>}
              {entry.changedByName && (
                <span className={styles.timelineWho}>{t('signals.history.by', { name: entry.changedByName })}</span>
              )}
            </span>
          </li>
        ))}
      </ol>
      {!detailed && signal.history.length > 0 && <p className={styles.hint}>{t('signals.history.statusesOnly')}</p>}
    </section>
  );
}
