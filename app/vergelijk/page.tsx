import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Suspense } from 'react';
import { loadCompare, resolveCompared } from '@/app/_server/analysis/compare-data';
import type { ComparedMunicipality } from '@/lib/analysis/compare';
import type { AnalysisPeriod } from '@/lib/analysis/periods';
import type { AccessScope } from '@/lib/auth/access';
import AnalysisLoading from '../analyse/[region]/loading';
import { loadPeriods, pickPeriod } from '@/app/_server/analysis/region-data';
import { getAccessScope } from '@/app/_server/session';
import { listMunicipalities, listRegions } from '@/db/queries/areas';
import { getDb } from '@/db/server';
import { ALL_CATEGORIES, categoryKey, categoryParam } from '@/lib/analysis/analysis-query';
import { COMPARE_PRESETS, compareListSchema, type ComparePreset } from '@/lib/analysis/compare';
import { periodId } from '@/lib/analysis/periods';
import { aggregateMunicipalitiesIn, canExportAggregates } from '@/lib/auth/access';
import { COMPARE_TABLES } from '@/lib/analysis/compare-export';
import { PILOT_MUNICIPALITIES } from '@/lib/areas/codes';
import { INDICATORS } from '@/lib/indicators/catalog';
import { formatMeasure, formatNumber } from '@/lib/i18n/format';
import { catalogLanguage } from '@/lib/i18n/locale';
import { getTranslator } from '@/lib/i18n/server';
import { SIGNAL_CATEGORIES } from '@/lib/signals/categories';
import { periodLabel } from '../analyse/_components/period-label';
import { CategoryRatesChart, MonthlyTrendChart } from './_components/compare-charts';
import { SmallMultiples } from './_components/small-multiples';
import styles from './_components/compare.module.css';

type Search = Record<string, string | string[] | undefined>;
interface Props {
  searchParams: Promise<Search>;
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('compare.title') };
}

const joined = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(',') : value);

/**
 * /vergelijk?gemeenten=13003,13035[&categorie=…&periode=2026]: 2–6 municipalities side by side.
 * Without a (valid) list it opens on the Kempen pilots. A municipality the person may not see
 * answers 404.
 */
export default async function ComparePage({ searchParams }: Props) {
  const search = await searchParams;
  const scope = await getAccessScope();
  const query = new URLSearchParams(
    Object.entries(search).flatMap(([k, v]) => (v === undefined ? [] : [[k, joined(v)!]])),
  ).toString();
  if (!scope) redirect(`/aanmelden?terug=${encodeURIComponent(`/vergelijk${query ? `?${query}` : ''}`)}`);
  // The picker form sends gemeenten=…&gemeenten=…: the shareable form is one comma-separated list.
  if (Array.isArray(search.gemeenten)) redirect(`/vergelijk?${query.replaceAll('%2C', ',')}`);
  const { t, locale } = await getTranslator();
  const lang = catalogLanguage(locale);
  const preset =
    typeof search.preset === 'string' && search.preset in COMPARE_PRESETS
      ? (search.preset as ComparePreset)
      : undefined;
  const listed = compareListSchema.safeParse(joined(search.gemeenten) ?? '');
  const explicit = preset ? [...COMPARE_PRESETS[preset].nis] : listed.success ? listed.data : null;
  const listError =
    !preset && search.gemeenten !== undefined && !listed.success ? listed.error.issues[0]?.message : undefined;
  const category = categoryParam.catch(ALL_CATEGORIES).parse(joined(search.categorie));
  const wantedPeriod = periodId.optional().catch(undefined).parse(joined(search.periode));

  const db = await getDb();
  const { periods, fallback } = await loadPeriods(db);
  const period = pickPeriod(periods, fallback, wantedPeriod);
  if (!period) notFound();
  // Without a (valid) list: the Kempen pilots the person may see, else the first they may see.
  const visibleChoices = await pickerChoices(db, scope, []);
  const visible = new Set(visibleChoices.map((c) => c.nis));
  const defaults = COMPARE_PRESETS.kempen.nis.filter((nis) => visible.has(nis));
  const nisList = explicit ?? (defaults.length >= 2 ? defaults : visibleChoices.slice(0, 3).map((c) => c.nis));
  // Checked before anything streams, so a municipality that is not the person's is a real 404.
  const compared = nisList.length >= 2 ? await resolveCompared(db, scope, nisList) : [];
  const choices = await pickerChoices(db, scope, nisList);

  return (
    <div className={styles.page}>
      <h1 className={styles.title}>{t('compare.title')}</h1>
      <p className={styles.presets}>
        {t('compare.presets')}{' '}
        {(Object.keys(COMPARE_PRESETS) as ComparePreset[]).map((name) => (
          <Link
            key={name}
            className="button"
            href={`/vergelijk?gemeenten=${COMPARE_PRESETS[name].nis.join(',')}`}
            data-testid={`preset-${name}`}
          >
            {t(`compare.preset.${name}`)}
          </Link>
        ))}
      </p>
      {listError && (
        <p className={styles.error} role="alert">
          {t('compare.badList', { reason: listError })}
        </p>
      )}
      <form method="get" action="/vergelijk" className={styles.picker} data-testid="compare-form">
        <fieldset>
          <legend>{t('compare.pick')}</legend>
          <div className={styles.choices}>
            {choices.map((choice) => (
              <label key={choice.nis}>
                <input
                  type="checkbox"
                  name="gemeenten"
                  value={choice.nis}
                  defaultChecked={nisList.includes(choice.nis)}
                  data-testid={`pick-${choice.nis}`}
                />
                {choice.name}
              </label>
            ))}
          </div>
        </fieldset>
        <label>
          <span>{t('analysis.filter.category')}</span>
          <select name="categorie" defaultValue={category}>
            <option value={ALL_CATEGORIES}>{t('analysis.allCategories')}</option>
            {SIGNAL_CATEGORIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c[lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('analysis.filter.period')}</span>
          <select name="periode" defaultValue={period.id}>
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {periodLabel(p, locale, t)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-primary" data-testid="compare-submit">
          {t('compare.submit')}
        </button>
      </form>

      {compared.length >= 2 ? (
        <Suspense fallback={<AnalysisLoading />}>
          <CompareContent scope={scope} compared={compared} period={period} category={category} />
        </Suspense>
      ) : (
        <p className={styles.lead} data-testid="compare-too-few">
          {t('compare.tooFew')}
        </p>
      )}
    </div>
  );
}

/** The comparison itself: computed while the form above is already on screen. */
async function CompareContent({
  scope,
  compared,
  period,
  category,
}: {
  scope: AccessScope;
  compared: ComparedMunicipality[];
  period: AnalysisPeriod;
  category: string;
}) {
  const { t, locale } = await getTranslator();
  const lang = catalogLanguage(locale);
  const data = await loadCompare(await getDb(), scope, compared, period, categoryKey(category));
  const categoryName =
    category === ALL_CATEGORIES
      ? t('analysis.allCategories')
      : (SIGNAL_CATEGORIES.find((c) => c.code === category)?.[lang] ?? category);
  const regionCodes = [...new Set(data.municipalities.map((m) => m.regionCode))];
  return (
    <>
      <p className={styles.lead} data-testid="compare-lead">
        {t('compare.lead', {
          names: data.municipalities.map((m) => m.name).join(', '),
          category: categoryName,
          period: periodLabel(period, locale, t),
        })}
      </p>

      <SmallMultiples
        municipalities={data.municipalities}
        shapes={data.shapes}
        values={data.result.mapValues}
        locale={locale}
        t={t}
        title={t('compare.mapsTitle', { category: categoryName })}
      />

      <section className={styles.section}>
        <h2 className={styles.sectionTitle}>{t('compare.chartsTitle')}</h2>
        <div className={styles.charts}>
          <CategoryRatesChart municipalities={data.municipalities} rates={data.result.categoryRates} />
          <MonthlyTrendChart municipalities={data.municipalities} months={data.result.months} />
        </div>
        <p className={styles.method}>{t('compare.chartsMethod')}</p>
      </section>

      <section className={styles.section}>
        <h2 className={styles.sectionTitle}>{t('compare.indicatorsTitle')}</h2>
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="indicator-table">
            <thead>
              <tr>
                <th scope="col">{t('compare.indicator')}</th>
                {data.municipalities.map((m) => (
                  <th key={m.nis} scope="col" className={styles.num}>
                    {m.name}
                  </th>
                ))}
                {regionCodes.map((code) => (
                  <th key={code} scope="col" className={styles.num}>
                    {t('compare.regionAverage', {
                      region: data.municipalities.find((m) => m.regionCode === code)?.regionName ?? code,
                    })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.indicators.map((row) => {
                const indicator = INDICATORS.find((i) => i.code === row.code)!;
                const show = (v: number | null | undefined) =>
                  v === null || v === undefined ? '–' : formatMeasure(locale, t, v, indicator.unit, indicator.decimals);
                return (
                  <tr key={row.code}>
                    <th scope="row">{indicator[lang]}</th>
                    {data.municipalities.map((m) => (
                      <td key={m.nis} className={styles.num}>
                        {show(row.values[m.nis])}
                      </td>
                    ))}
                    {regionCodes.map((code) => (
                      <td key={code} className={styles.num}>
                        {show(row.regionAverages[code])}
                      </td>
                    ))}
                  </tr>
                );
              })}
              <tr>
                <th scope="row">{t('compare.signalRate')}</th>
                {data.municipalities.map((m) => (
                  <td key={m.nis} className={styles.num}>
                    {rate(data.signalRates.municipalities[m.nis], locale)}
                  </td>
                ))}
                {regionCodes.map((code) => (
                  <td key={code} className={styles.num}>
                    {code in data.signalRates.regions ? rate(data.signalRates.regions[code], locale) : '–'}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
        <p className={styles.method}>{t('compare.indicatorsMethod')}</p>
      </section>

      <section className={styles.section}>
        <h2 className={styles.sectionTitle}>{t('compare.rankingTitle', { category: categoryName })}</h2>
        <div className={styles.tableWrap}>
          <table className={styles.table} data-testid="ranking-table">
            <thead>
              <tr>
                <th scope="col" className={styles.num}>
                  {t('analysis.col.rank')}
                </th>
                <th scope="col">{t('analysis.col.neighbourhood')}</th>
                <th scope="col">{t('analysis.col.municipality')}</th>
                <th scope="col" className={styles.num}>
                  {t('analysis.col.count')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('analysis.col.raw')}
                </th>
                <th scope="col" className={styles.num}>
                  {t('analysis.col.smoothed')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.result.ranking.map((row) => (
                <tr key={row.code} data-testid="ranking-row" data-code={row.code} data-nis={row.municipalityNis}>
                  <td className={styles.num}>{row.rank ?? '–'}</td>
                  <th scope="row">
                    <Link href={`/buurt/${row.code}?periode=${period.id}`}>{row.name}</Link>
                  </th>
                  <td>{row.municipalityName}</td>
                  <td className={styles.num}>
                    {row.count.suppressed !== null ? (
                      <abbr title={t('analysis.hiddenTitle')}>x</abbr>
                    ) : (
                      formatNumber(locale, row.count.value ?? 0)
                    )}
                  </td>
                  <td className={styles.num}>{rate(row.rawPer1000, locale)}</td>
                  <td className={styles.num}>{rate(row.smoothedPer1000, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className={styles.method}>{t('analysis.suppressionNote', { max: data.note.threshold - 1 })}</p>
      </section>
      {canExportAggregates(scope) && (
        <section className={`${styles.section} no-print`} data-testid="compare-exports">
          <h2 className={styles.sectionTitle}>{t('analysis.export.heading')}</h2>
          {COMPARE_TABLES.map((table) => {
            const href = `/api/vergelijk/export?gemeenten=${compared.map((m) => m.nis).join(',')}&tabel=${table}&categorie=${category}&periode=${period.id}`;
            return (
              <p key={table} className={styles.method}>
                {t(`compare.export.${table}`)}:{' '}
                <a href={`${href}&formaat=csv`} download data-testid={`compare-export-${table}-csv`}>
                  CSV
                </a>
                {' · '}
                <a href={`${href}&formaat=csv-excel`} download>
                  {t('analysis.export.excel')}
                </a>
                {' · '}
                <a href={`${href}&formaat=geojson`} download>
                  GeoJSON
                </a>
              </p>
            );
          })}
        </section>
      )}
    </>
  );
}

const rate = (value: number | null | undefined, locale: Parameters<typeof formatNumber>[0]) =>
  value === null || value === undefined ? '–' : formatNumber(locale, value, 1);

/** The pilot municipalities and those of the compared ones' regions that the person may see. */
async function pickerChoices(
  db: Awaited<ReturnType<typeof getDb>>,
  scope: NonNullable<Awaited<ReturnType<typeof getAccessScope>>>,
  selected: readonly string[],
) {
  const regions = await listRegions(db);
  const choices: { nis: string; name: string }[] = [];
  for (const region of regions) {
    const municipalities = await listMunicipalities(db, region.code);
    const visible = new Set(
      aggregateMunicipalitiesIn(
        scope,
        region.code,
        municipalities.map((m) => m.nis),
      ),
    );
    for (const m of municipalities) {
      if (
        visible.has(m.nis) &&
        (m.nis in PILOT_MUNICIPALITIES || selected.includes(m.nis) || scope.regionCode === region.code)
      )
        choices.push({ nis: m.nis, name: m.name });
    }
  }
  return choices.sort((a, b) => a.name.localeCompare(b.name, 'nl-BE'));
}
