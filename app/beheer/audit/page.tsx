import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdminPage } from '@/app/_server/admin-page';
import { listAuditPage } from '@/db/queries/audit-page';
import { getDb } from '@/db/server';
import { canReadAuditLog } from '@/lib/auth/access';
import { AUDIT_EVENTS, type AuditEvent } from '@/lib/auth/audit-events';
import { AUDIT_PAGE_SIZE, parseAuditQuery } from '@/lib/auth/audit-query';
import type { MessageKey } from '@/lib/i18n/messages/nl-BE';
import { getTranslator } from '@/lib/i18n/server';
import styles from '../admin.module.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('admin.audit.title') };
}

/** Partial: an event added elsewhere shows its code until it gets a name here. */
const EVENT_KEYS = {
  'auth.sign_in': 'admin.audit.event.auth.sign_in',
  'auth.sign_in_failed': 'admin.audit.event.auth.sign_in_failed',
  'auth.sign_in_throttled': 'admin.audit.event.auth.sign_in_throttled',
  'auth.sign_out': 'admin.audit.event.auth.sign_out',
  'auth.sessions_revoked': 'admin.audit.event.auth.sessions_revoked',
  'account.created': 'admin.audit.event.account.created',
  'account.disabled': 'admin.audit.event.account.disabled',
  'signal.reported': 'admin.audit.event.signal.reported',
  'signal.status_changed': 'admin.audit.event.signal.status_changed',
  'export.signals': 'admin.audit.event.export.signals',
  'export.aggregates': 'admin.audit.event.export.aggregates',
  'import.completed': 'admin.audit.event.import.completed',
  'import.undone': 'admin.audit.event.import.undone',
} as const satisfies Partial<Record<AuditEvent, MessageKey>>;

interface AuditPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * /beheer/audit: sign-ins, exports, status changes, imports and account changes, newest
 * first, filtered by event. The log holds who, what, when and short codes, never personal
 * content; the actor's name is looked up for the admin, not stored in the record.
 */
export default async function AuditLogPage({ searchParams }: AuditPageProps) {
  await requireAdminPage('/beheer/audit', canReadAuditLog);
  const parsed = parseAuditQuery(await searchParams);
  // The page streams after its loading boundary, so a bad query cannot be a 404 any more: it
  // says so and shows the whole log (the filter form never sends one).
  const query = parsed.ok ? parsed : { event: undefined, page: 1 };
  const [{ t, locale }, log] = await Promise.all([
    getTranslator(),
    getDb().then((db) => listAuditPage(db, { event: query.event, page: query.page, pageSize: AUDIT_PAGE_SIZE })),
  ]);
  const label = (event: string) =>
    Object.hasOwn(EVENT_KEYS, event) ? t(EVENT_KEYS[event as keyof typeof EVENT_KEYS]) : event;
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Europe/Brussels',
  });
  const pages = Math.max(1, Math.ceil(log.total / log.pageSize));
  const pageHref = (page: number) =>
    `/beheer/audit?${new URLSearchParams({ ...(query.event ? { gebeurtenis: query.event } : {}), pagina: String(page) })}`;
  return (
    <>
      <h1 className={styles.heading}>{t('admin.audit.title')}</h1>
      <p className={styles.intro}>{t('admin.audit.intro')}</p>
      <section className={styles.card} aria-labelledby="audit-title">
        <h2 id="audit-title" className={styles.cardTitle}>
          {t('admin.audit.count', { count: log.total.toLocaleString(locale) })}
        </h2>
        {!parsed.ok && (
          <p className={styles.alert} role="alert" data-testid="audit-query-error">
            {t('admin.audit.badQuery')}
          </p>
        )}
        <form method="get" action="/beheer/audit" className={styles.actions} data-testid="audit-filter">
          <label htmlFor="audit-event" className={styles.fieldLabel}>
            {t('admin.audit.filter')}
          </label>
          <select
            id="audit-event"
            name="gebeurtenis"
            defaultValue={query.event ?? ''}
            className={`${styles.selectInput} ${styles.selectAuto}`}
            data-testid="audit-event"
          >
            <option value="">{t('admin.audit.allEvents')}</option>
            {AUDIT_EVENTS.map((event) => (
              <option key={event} value={event}>
                {label(event)}
              </option>
            ))}
          </select>
          <button type="submit" className="button button-small" data-testid="audit-apply">
            {t('admin.audit.apply')}
          </button>
        </form>
        <div className={`${styles.tableWrap} ${styles.spaced}`}>
          <table className={styles.table} data-testid="audit-table">
            <thead>
              <tr>
                <th>{t('admin.audit.col.when')}</th>
                <th>{t('admin.audit.col.event')}</th>
                <th>{t('admin.audit.col.actor')}</th>
                <th>{t('admin.audit.col.target')}</th>
                <th>{t('admin.audit.col.details')}</th>
              </tr>
            </thead>
            <tbody>
              {log.items.length === 0 && (
                <tr>
                  <td colSpan={5} className={styles.empty}>
                    {t('admin.audit.empty')}
                  </td>
                </tr>
              )}
              {log.items.map((entry) => (
                <tr key={entry.id} data-testid="audit-row" data-event={entry.event}>
                  <td className={styles.num}>{when.format(entry.occurredAt)}</td>
                  <td>
                    {label(entry.event)}
                    <div className={styles.hint}>{entry.event}</div>
                  </td>
                  <td>{entry.actorName ?? (entry.actorUserId === null ? '—' : `#${entry.actorUserId}`)}</td>
                  <td>{entry.targetKind ? `${entry.targetKind} ${entry.targetId ?? ''}` : '—'}</td>
                  <td className={styles.hint}>
                    {Object.entries(entry.details)
                      .map(([key, value]) => `${key}: ${value === null ? '—' : String(value)}`)
                      .join(' · ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {pages > 1 && (
          <nav className={styles.pager} aria-label={t('admin.audit.pages')}>
            {log.page > 1 && (
              <Link className="button button-small" href={pageHref(log.page - 1)}>
                {t('admin.previous')}
              </Link>
            )}
            <span className={styles.hint}>{t('admin.pageOf', { page: log.page, pages })}</span>
            {log.page < pages && (
              <Link className="button button-small" href={pageHref(log.page + 1)} data-testid="audit-next">
                {t('admin.next')}
              </Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}
