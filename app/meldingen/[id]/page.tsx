import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageScope } from '@/app/_server/page-access';
import { StatusBadge } from '@/app/_components/status-badge';
import styles from '@/app/_components/signal-page.module.css';
import { listReferralServices } from '@/db/queries/signal-status';
import { getDb } from '@/db/server';
import { canChangeSignalStatus } from '@/lib/auth/access';
import { formatDay, formatMoment } from '@/lib/i18n/dates';
import { catalogLanguage } from '@/lib/i18n/locale';
import { getTranslator } from '@/lib/i18n/server';
import { SIGNAL_CATEGORIES, type PartnerType } from '@/lib/signals/categories';
import { PARTNER_TYPE_LABELS } from '@/lib/signals/labels';
import { NEXT_STATUSES, outcomesWhenClosing } from '@/lib/signals/status-workflow';
import { loadSignal } from './load-signal';
import { SignalHistory } from './signal-history';
import { StatusForm } from './status-form';

export const dynamic = 'force-dynamic';

interface SignalPageProps {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: SignalPageProps): Promise<Metadata> {
  const [{ t }, { id }] = await Promise.all([getTranslator(), params]);
  return { title: t('signals.detail.title', { id }) };
}

/**
 * /meldingen/{id}: one signal as far as the person may see it (the layout answered 404 for any
 * other). The description only for its reporter and the municipality's coordinators; the
 * status form only for those coordinators, with just the steps that may follow.
 */
export default async function SignalPage({ params }: SignalPageProps) {
  const { id } = await params;
  // The layout checked this already; layout and page render at the same time, so the page checks too.
  const scope = await requirePageScope('/meldingen', (candidate) => candidate.canSeeSignalPoints);
  const [{ t, locale }, signal, db] = await Promise.all([getTranslator(), loadSignal(id), getDb()]);
  if (!signal) notFound();
  const lang = catalogLanguage(locale);
  const category = SIGNAL_CATEGORIES.find((c) => c.code === signal.category);
  const sub = category?.subcategories.find((s) => s.code === signal.subcategory);
  const manages = canChangeSignalStatus(scope, { municipalityNis: signal.municipalityNis, reporterUserId: null });
  const services =
    manages && NEXT_STATUSES[signal.status].includes('referred')
      ? await listReferralServices(db, signal.municipalityNis)
      : [];
  const partner = PARTNER_TYPE_LABELS[signal.partnerType as PartnerType]?.[lang] ?? signal.partnerType;
  return (
    <div className={styles.page}>
      <div className={styles.narrow}>
        <Link href="/meldingen" className={styles.back}>
          ← {t('signals.detail.back')}
        </Link>
        <header className={styles.pageHead}>
          <p className="eyebrow">{t('signals.detail.eyebrow', { id: signal.id })}</p>
          <h1 className={styles.title} data-testid="signal-title">
            {category ? category[lang] : signal.category}
            {sub ? ` · ${sub[lang]}` : ''}
          </h1>
          <p data-testid="signal-status">
            <StatusBadge status={signal.status} lang={lang} />
          </p>
        </header>

        <section className={styles.card} aria-labelledby="signal-facts-heading">
          <h2 id="signal-facts-heading" className="section-heading">
            {t('signals.detail.facts')}
          </h2>
          <dl className={styles.facts}>
            <dt>{t('signals.detail.place')}</dt>
            <dd>
              {signal.neighbourhoodName}, {signal.municipalityName}
            </dd>
            <dt>{t('signals.detail.observed')}</dt>
            <dd>{formatDay(locale, signal.observedAt)}</dd>
            <dt>{t('signals.detail.reported')}</dt>
            <dd>{formatMoment(locale, signal.reportedAt)}</dd>
            <dt>{t('report.urgency')}</dt>
            <dd>{t(`report.urgency.${signal.urgency}`)}</dd>
            <dt>{t('signals.detail.followUp')}</dt>
            <dd>{signal.followUpRequested ? t('signals.detail.yes') : t('signals.detail.no')}</dd>
            <dt>{t('signals.detail.reporter')}</dt>
            <dd>
              {signal.organisationName ? `${signal.organisationName} · ${partner}` : partner}
              {signal.own ? ` (${t('signals.list.own')})` : ''}
            </dd>
          </dl>
          <h2 className="section-heading">{t('signals.detail.description')}</h2>
          {signal.canReadDescription ? (
            <p className={styles.description} data-testid="signal-description">
              {signal.description ?? t('signals.detail.noDescription')}
            </p>
          ) : (
            <p className={styles.hint} data-testid="signal-description-hidden">
              {t('signals.detail.descriptionHidden')}
            </p>
          )}
        </section>

        {manages && signal.status !== 'closed' && (
          <StatusForm
            signalId={signal.id}
            currentStatus={signal.status}
            nextStatuses={[...NEXT_STATUSES[signal.status]]}
            closingOutcomes={[...outcomesWhenClosing(signal.status)]}
            services={services}
          />
        )}

        <SignalHistory signal={signal} locale={locale} lang={lang} detailed={manages} />
      </div>
    </div>
  );
}
