import type { Metadata } from 'next';
import Link from 'next/link';
import { loadProfile, requireNeighbourhood } from '@/app/_server/analysis/profile-data';
import { getAreaDataVersion } from '@/db/queries/areas';
import { getDb } from '@/db/server';
import { ALL_CATEGORIES, DEFAULT_ACCESS_DISTANCE } from '@/lib/analysis/analysis-query';
import { periodId } from '@/lib/analysis/periods';
import { ALL } from '@/lib/analysis/publication';
import type { SuppressedValue } from '@/lib/analysis/suppression';
import { canExportAggregates } from '@/lib/auth/access';
import { INDICATORS } from '@/lib/indicators/catalog';
import { formatMeasure, formatNumber } from '@/lib/i18n/format';
import { catalogLanguage } from '@/lib/i18n/locale';
import { getTranslator } from '@/lib/i18n/server';
import { SERVICE_TYPES } from '@/lib/services/service-types';
import { SIGNAL_CATEGORIES } from '@/lib/signals/categories';
import { SIGNIFICANCE_COLORS } from '@/lib/map/analysis-palette';
import { periodLabel } from '@/app/analyse/_components/period-label';
import { PrintButton } from './_components/print-button';
import { ActionForm } from './_components/action-form';
import { ACTION_STATUSES } from '@/lib/analysis/actions';
import { changeActionStatus, recordAction } from './actions';
import { ProfileMap } from './_components/profile-map';
import { TrendChart } from './_components/trend-chart';
import styles from './_components/profile.module.css';

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const [{ t }, access] = await Promise.all([getTranslator(), requireNeighbourhood(code, `/buurt/${code}`)]);
  return { title: t('profile.pageTitle', { name: access.place.name }) };
}

/**
 * /buurt/<code>[?periode=2026]: the neighbourhood profile ("buurtanalyse") to take to a
 * meeting: indicators, signal trends, hotspot status, services and access, lighting and
 * housing. Printable (print stylesheet) and exportable (PDF, CSV, GeoJSON; PNG of map and chart).
 */
export default async function ProfilePage({ params, searchParams }: Props) {
  const [{ code }, search] = await Promise.all([params, searchParams]);
  const access = await requireNeighbourhood(code, `/buurt/${code}`);
  const wanted = periodId
    .optional()
    .catch(undefined)
    .parse(Array.isArray(search.periode) ? search.periode[0] : search.periode);
  const db = await getDb();
  const [{ t, locale }, profile, version] = await Promise.all([
    getTranslator(),
    loadProfile(db, access, wanted, DEFAULT_ACCESS_DISTANCE),
    getAreaDataVersion(db),
  ]);
  const lang = catalogLanguage(locale);
  const { place } = access;
  if (!profile)
    return (
      <div className={styles.page}>
        <h1>{place.name}</h1>
        <p>{t('analysis.noSignals')}</p>
      </div>
    );
  const count = (value: SuppressedValue) =>
    value.suppressed !== null ? (
      <abbr title={t('analysis.hiddenTitle')}>x</abbr>
    ) : (
      formatNumber(locale, value.value ?? 0)
    );
  const num = (value: number | null | undefined, decimals = 1) =>
    value === null || value === undefined || !Number.isFinite(value) ? '–' : formatNumber(locale, value, decimals);
  const pct = (share: number | null | undefined) =>
    share === null || share === undefined
      ? '–'
      : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
  const categoryName = (code: string) =>
    code === ALL ? t('analysis.allCategories') : (SIGNAL_CATEGORIES.find((c) => c.code === code)?.[lang] ?? code);
  const exportBase = `/api/buurt/${place.code}/export?periode=${profile.period.id}`;
  const canExport = canExportAggregates(profile.scope);
  const allHotspot = profile.hotspots.find((h) => h.category === ALL)!;

  return (
    <div className={styles.page} data-testid="profile-page">
      <header className={styles.head}>
        <div>
          <p className={styles.eyebrow}>
            {t('profile.eyebrow', { municipality: place.municipalityName, region: place.regionName })}
          </p>
          <h1 className={styles.title}>{place.name}</h1>
          <p className={styles.meta}>
            {t('profile.meta', {
              period: periodLabel(profile.period, locale, t),
              population: num(profile.base.population, 0),
              area: num(place.areaM2 / 1e6, 2),
            })}
          </p>
        </div>
        <div className={`${styles.actions} no-print`}>
          <form method="get" className={styles.periodForm}>
            <label>
              <span>{t('analysis.filter.period')}</span>
              <select name="periode" defaultValue={profile.period.id} data-testid="profile-period">
                {profile.periods.map((p) => (
                  <option key={p.id} value={p.id}>
                    {periodLabel(p, locale, t)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="button">
              {t('analysis.filter.apply')}
            </button>
          </form>
          <PrintButton />
          {canExport && (
            <a
              className="button button-primary"
              href={`${exportBase}&formaat=pdf`}
              download
              data-testid="profile-export-pdf"
            >
              {t('profile.pdf')}
            </a>
          )}
          {canExport && (
            <a className="button" href={`${exportBase}&formaat=csv-excel`} download data-testid="profile-export-csv">
              {t('analysis.export.excel')}
            </a>
          )}
          {canExport && (
            <a className="button" href={`${exportBase}&formaat=geojson`} download data-testid="profile-export-geojson">
              GeoJSON
            </a>
          )}
          <Link
            className="button"
            href={`/analyse/${place.regionCode}?periode=${profile.period.id}&buurt=${place.code}`}
          >
            {t('profile.toAnalysis')}
          </Link>
        </div>
      </header>

      <div className={styles.grid}>
        <section className={styles.card}>
          <h2>{t('profile.hotspotTitle')}</h2>
          <p className={styles.status} data-testid="profile-hotspot-status">
            <span
              className={styles.dot}
              style={{ background: SIGNIFICANCE_COLORS[allHotspot.significance] }}
              aria-hidden="true"
            />
            {t(`analysis.significance.${allHotspot.significance}`)} · z = {num(allHotspot.zScore, 2)}
          </p>
          <ProfileMap
            code={place.code}
            municipalityNis={place.municipalityNis}
            bbox={place.municipalityBbox}
            classes={profile.municipalityClasses}
            dataVersion={version}
          />
          <table className={styles.table} data-testid="profile-hotspots">
            <thead>
              <tr>
                <th>{t('analysis.filter.category')}</th>
                <th>{t('analysis.col.class')}</th>
                <th className={styles.num}>z</th>
                <th className={styles.num}>{t('analysis.col.smoothed')}</th>
              </tr>
            </thead>
            <tbody>
              {profile.hotspots.map((h) => (
                <tr key={h.category}>
                  <th scope="row">{categoryName(h.category)}</th>
                  <td>
                    <span
                      className={styles.dot}
                      style={{ background: SIGNIFICANCE_COLORS[h.significance] }}
                      aria-hidden="true"
                    />
                    {t(`analysis.significance.${h.significance}`)}
                  </td>
                  <td className={styles.num}>{num(h.zScore, 2)}</td>
                  <td className={styles.num}>{num(h.smoothedPer1000)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section className={styles.card}>
          <h2>{t('profile.indicatorsTitle')}</h2>
          <table className={styles.table} data-testid="profile-indicators">
            <thead>
              <tr>
                <th>{t('compare.indicator')}</th>
                <th className={styles.num}>{place.name}</th>
                <th className={styles.num}>{place.municipalityName}</th>
              </tr>
            </thead>
            <tbody>
              {profile.indicators.map((row) => {
                const indicator = INDICATORS.find((i) => i.code === row.code)!;
                const show = (v: number | null) =>
                  v === null ? '–' : formatMeasure(locale, t, v, indicator.unit, indicator.decimals);
                return (
                  <tr key={row.code}>
                    <th scope="row">{indicator[lang]}</th>
                    <td className={styles.num}>{show(row.value)}</td>
                    <td className={styles.num}>{show(row.municipalityValue)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className={styles.method}>{t('profile.indicatorsNote')}</p>
        </section>

        <section className={`${styles.card} ${styles.wide}`}>
          <h2>{t('profile.trendsTitle')}</h2>
          <TrendChart
            code={place.code}
            series={profile.trends.map((trend) => ({
              id: trend.period.id,
              label: periodLabel(trend.period, locale, t),
              values: Object.fromEntries(Object.entries(trend.cells).map(([c, cell]) => [c, cell.per1000])),
            }))}
          />
          <div className={styles.tableWrap}>
            <table className={styles.table} data-testid="profile-trends">
              <thead>
                <tr>
                  <th>{t('analysis.filter.category')}</th>
                  {profile.trends.map((trend) => (
                    <th key={trend.period.id} className={styles.num} colSpan={2}>
                      {periodLabel(trend.period, locale, t)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[ALL_CATEGORIES, ...SIGNAL_CATEGORIES.map((c) => c.code)].map((category) => {
                  const key = category === ALL_CATEGORIES ? ALL : category;
                  return (
                    <tr key={key}>
                      <th scope="row">{categoryName(key)}</th>
                      {profile.trends.flatMap((trend) => [
                        <td key={`${trend.period.id}-n`} className={styles.num}>
                          {count(trend.cells[key]!.count)}
                        </td>,
                        <td key={`${trend.period.id}-r`} className={styles.num}>
                          {num(trend.cells[key]!.per1000)}
                        </td>,
                      ])}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className={styles.method}>{t('profile.trendsNote', { max: profile.note.threshold - 1 })}</p>
        </section>

        <section className={styles.card}>
          <h2>{t('profile.accessTitle')}</h2>
          <table className={styles.table} data-testid="profile-access">
            <thead>
              <tr>
                <th>{t('profile.serviceType')}</th>
                <th className={styles.num}>{t('profile.inside')}</th>
                <th className={styles.num}>{t('profile.meanDistance')}</th>
                <th className={styles.num}>{t('profile.beyond', { metres: DEFAULT_ACCESS_DISTANCE })}</th>
              </tr>
            </thead>
            <tbody>
              {SERVICE_TYPES.filter((type) => profile.accessTypes.includes(type.code)).map((type) => {
                const a = profile.access?.byType[type.code];
                return (
                  <tr key={type.code}>
                    <th scope="row">{type[lang]}</th>
                    <td className={styles.num}>{profile.servicesInside[type.code] ?? 0}</td>
                    <td className={styles.num}>
                      {a?.meanDistanceMetres === null || a === undefined
                        ? '–'
                        : `${formatNumber(locale, a.meanDistanceMetres)} m`}
                    </td>
                    <td className={styles.num}>{pct(a?.shareBeyond)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className={styles.method}>{t('analysis.access.method')}</p>
        </section>

        <section className={styles.card}>
          <h2>{t('profile.lightingHousingTitle')}</h2>
          <dl className={styles.facts} data-testid="profile-lighting-housing">
            <dt>{t('analysis.col.unsafe')}</dt>
            <dd>
              {profile.lighting ? count(profile.lighting.unsafeStreet) : '–'} ({num(profile.lighting?.unsafePer1000)} ‰)
            </dd>
            <dt>{t('analysis.col.lightsPerKm2')}</dt>
            <dd>{num(profile.lighting?.lightsPerKm2, 0)}</dd>
            <dt>{t('analysis.col.defects')}</dt>
            <dd>{pct(profile.lighting?.defectShare)}</dd>
            <dt>{t('analysis.col.poorHousing')}</dt>
            <dd>
              {profile.housing ? count(profile.housing.poorHousing) : '–'} ({num(profile.housing?.poorHousingPer1000)}{' '}
              ‰)
            </dd>
            <dt>{t('analysis.col.socialUnits')}</dt>
            <dd>{num(profile.housing?.socialUnitsPer1000)}</dd>
            <dt>{t('analysis.col.substandard')}</dt>
            <dd>{profile.housing ? count(profile.housing.substandardDwellings) : '–'}</dd>
          </dl>
        </section>
        <section className={`${styles.card} ${styles.wide}`} data-testid="profile-actions">
          <h2>{t('actions.heading')}</h2>
          <p className={styles.method}>{t('actions.intro', { months: 6 })}</p>
          {profile.actions.length === 0 ? (
            <p>{t('actions.none')}</p>
          ) : (
            <div className={styles.tableWrap}>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th>{t('actions.title')}</th>
                    <th>{t('actions.kind')}</th>
                    <th>{t('actions.owner')}</th>
                    <th>{t('actions.start')}</th>
                    <th>{t('actions.hotspot')}</th>
                    <th>{t('actions.status')}</th>
                    <th className={styles.num}>{t('actions.before')}</th>
                    <th className={styles.num}>{t('actions.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {profile.actions.map((action) => (
                    <tr key={action.id} data-testid="action-row">
                      <th scope="row">{action.title}</th>
                      <td>{t(`actions.kind.${action.kind}`)}</td>
                      <td>{action.owner}</td>
                      <td>{action.startDate}</td>
                      <td>
                        {action.categoryCode ? categoryName(action.categoryCode) : t('actions.wholeNeighbourhood')}
                      </td>
                      <td>
                        {profile.canRecordActions ? (
                          <form action={changeActionStatus.bind(null, place.code)} className={styles.statusForm}>
                            <input type="hidden" name="id" value={action.id} />
                            <select name="status" defaultValue={action.status} aria-label={t('actions.status')}>
                              {ACTION_STATUSES.map((status) => (
                                <option key={status} value={status}>
                                  {t(`actions.status.${status}`)}
                                </option>
                              ))}
                            </select>
                            <button type="submit" className="button no-print">
                              {t('actions.update')}
                            </button>
                          </form>
                        ) : (
                          t(`actions.status.${action.status}`)
                        )}
                      </td>
                      <td className={styles.num} data-testid="action-before">
                        {action.effect ? (
                          <>
                            {count(action.effect.before.count)} · {num(action.effect.before.per1000)} ‰
                          </>
                        ) : (
                          t('actions.noWindow')
                        )}
                      </td>
                      <td className={styles.num} data-testid="action-after">
                        {action.effect ? (
                          <>
                            {count(action.effect.after.count)} · {num(action.effect.after.per1000)} ‰
                          </>
                        ) : (
                          t('actions.noWindow')
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {profile.canRecordActions && <ActionForm action={recordAction.bind(null, place.code)} />}
        </section>
      </div>
      <p className={styles.footer}>{t('profile.footer', { max: profile.note.threshold - 1 })}</p>
    </div>
  );
}
