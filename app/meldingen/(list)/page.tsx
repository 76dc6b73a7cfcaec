import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageScope } from '@/app/_server/page-access';
import { getAccessScope } from '@/app/_server/session';
import styles from '@/app/_components/signal-page.module.css';
import { getAreaDataVersion } from '@/db/queries/areas';
import { listReportingArea, listSignalPoints, listSignals } from '@/db/queries/signals';
import { getDb } from '@/db/server';
import { parseEnv } from '@/lib/config/env';
import { getTranslator } from '@/lib/i18n/server';
import { catalogLanguage } from '@/lib/i18n/locale';
import type { BBox } from '@/lib/map/area-data';
import { type SignalListQuery, parseSignalListQuery } from '@/lib/signals/list-query';
import { SignalFilterForm } from './signal-filter-form';
import { SignalList } from './signal-list';
import { SignalsMap } from './signals-map';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const [{ t }, scope] = await Promise.all([getTranslator(), getAccessScope()]);
  return { title: scope?.role === 'reporter' ? t('signals.list.ownTitle') : t('signals.list.title') };
}

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * /meldingen: the signals the person may see (the layout checked the role), filtered by status
 * and category, paged, with their generalised points on a small map. Filters are codes, not
 * personal data, so they live in the URL and a list can be bookmarked.
 */
export default async function SignalListPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // The layout checked this already; layout and page render at the same time, so the page checks too.
  const scope = await requirePageScope('/meldingen', (candidate) => candidate.canSeeSignalPoints);
  const [{ t, locale }, search, db] = await Promise.all([getTranslator(), searchParams, getDb()]);
  const values = (name: string) => {
    const value = search[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  const parsed = parseSignalListQuery(values, Object.keys(search));
  const query: SignalListQuery = parsed.ok ? parsed.value : { statuses: [], categories: [], page: 1, pageSize: 20 };
  const filters = { statuses: query.statuses, categories: query.categories };
  const [list, points, area, dataVersion] = await Promise.all([
    listSignals(db, scope, filters, { page: query.page, pageSize: query.pageSize }),
    listSignalPoints(db, scope, filters),
    listReportingArea(db, scope.municipalities),
    getAreaDataVersion(db),
  ]);
  const own = scope.role === 'reporter';
  const lang = catalogLanguage(locale);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    if (query.statuses.length) params.set('status', query.statuses.join(','));
    if (query.categories.length) params.set('category', query.categories.join(','));
    if (page > 1) params.set('page', String(page));
    const text = params.toString();
    return text ? `/meldingen?${text}` : '/meldingen';
  };
  const env = parseEnv(process.env);
  const names = area.municipalities.map((m) => m.name).join(', ');
  return (
    <div className={styles.page}>
      <div className={styles.wide}>
        <header className={styles.pageHead}>
          <h1 className={styles.title}>{own ? t('signals.list.ownTitle') : t('signals.list.title')}</h1>
          <p className={styles.lead}>
            {own ? t('signals.list.ownIntro') : t('signals.list.intro', { municipalities: names })}
          </p>
          {scope.canReportSignals && (
            <Link className="button button-primary" href="/melden" data-testid="to-report">
              {t('signals.list.report')}
            </Link>
          )}
        </header>
        {!parsed.ok && (
          <p className={styles.formError} role="alert">
            {t('signals.list.badQuery')}
          </p>
        )}
        <div className={styles.listLayout}>
          <section className={styles.listColumn} aria-labelledby="signal-list-heading">
            <h2 id="signal-list-heading" className="visually-hidden">
              {t('signals.list.heading')}
            </h2>
            <SignalFilterForm statuses={query.statuses} categories={query.categories} />
            <p className={styles.count} data-testid="signal-count" role="status">
              {t('signals.list.count', { count: list.total })}
            </p>
            <SignalList items={list.items} showOwn={!own} lang={lang} locale={locale} />
            {pages > 1 && (
              <nav className={styles.paging} aria-label={t('signals.list.paging')}>
                {query.page > 1 ? (
                  <Link className="button button-small" href={pageLink(query.page - 1)} rel="prev">
                    {t('signals.list.previous')}
                  </Link>
                ) : (
                  <span />
                )}
                <span>{t('signals.list.page', { page: query.page, pages })}</span>
                {query.page < pages ? (
                  <Link className="button button-small" href={pageLink(query.page + 1)} rel="next">
                    {t('signals.list.next')}
                  </Link>
                ) : (
                  <span />
                )}
              </nav>
            )}
          </section>
          <section className={styles.mapColumn} aria-label={t('signals.list.mapLabel')}>
            <div className={styles.mapBox}>
              <SignalsMap
                points={points}
                municipalities={area.municipalities.map((m) => m.nis)}
                bounds={unionBBox(area.municipalities.map((m) => m.bbox))}
                dataVersion={dataVersion}
                basemap={{
                  basemap: env.ok ? env.env.BUURTRADAR_BASEMAP : 'offline',
                  osmTileUrl: env.ok ? env.env.BUURTRADAR_OSM_TILE_URL : '',
                }}
              />
            </div>
            <p className={styles.hint}>{t('signals.list.mapNote', { count: points.length })}</p>
          </section>
        </div>
      </div>
    </div>
  );
}

function unionBBox(boxes: readonly BBox[]): BBox {
  if (boxes.length === 0) return [2.5, 50.7, 5.9, 51.5];
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}
