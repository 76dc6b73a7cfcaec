import 'server-only';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { type ExportColumn, type ExportRow, UnsuppressedDataError } from '@/lib/analysis/export';
import type { ProfilePdfContent } from '@/lib/analysis/profile-pdf';
import { ALL } from '@/lib/analysis/publication';
import type { SuppressedValue } from '@/lib/analysis/suppression';
import { INDICATORS } from '@/lib/indicators/catalog';
import { formatMeasure, formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/translate';
import { SIGNIFICANCE_COLORS, SIGNIFICANCE_ORDER } from '@/lib/map/analysis-palette';
import { SERVICE_TYPES } from '@/lib/services/service-types';
import { SIGNAL_CATEGORIES } from '@/lib/signals/categories';
import { periodLabel } from '@/app/analyse/_components/period-label';
import type { NeighbourhoodProfile } from './profile-data';

const NONE: SuppressedValue = { value: null, suppressed: null };

/** The profile as one long table (section, item, period, count, value, text) for CSV and GeoJSON. */
export function profileColumns(lang: 'nl' | 'en'): ExportColumn[] {
  const nl = lang === 'nl';
  return [
    { key: 'section', header: nl ? 'onderdeel' : 'section', kind: 'text' },
    { key: 'item', header: nl ? 'item' : 'item', kind: 'text' },
    { key: 'period', header: nl ? 'periode' : 'period', kind: 'text' },
    { key: 'count', header: nl ? 'aantal' : 'count', kind: 'count' },
    { key: 'value', header: nl ? 'waarde' : 'value', kind: 'number', decimals: 3 },
    { key: 'text', header: nl ? 'tekst' : 'text', kind: 'text' },
  ];
}

export function profileRows(profile: NeighbourhoodProfile): ExportRow[] {
  const rows: ExportRow[] = [];
  const period = profile.period.id;
  for (const row of profile.indicators)
    rows.push({ section: 'indicator', item: row.code, period: '', count: NONE, value: row.value, text: '' });
  for (const trend of profile.trends) {
    for (const [category, cell] of Object.entries(trend.cells)) {
      rows.push({
        section: 'signals',
        item: category === ALL ? 'all' : category,
        period: trend.period.id,
        count: cell.count,
        value: cell.per1000,
        text: 'per_1000',
      });
    }
  }
  for (const h of profile.hotspots)
    rows.push({
      section: 'hotspot',
      item: h.category === ALL ? 'all' : h.category,
      period,
      count: NONE,
      value: h.zScore,
      text: h.significance,
    });
  for (const type of profile.accessTypes) {
    const a = profile.access?.byType[type];
    rows.push({
      section: 'access_share_beyond',
      item: type,
      period: '',
      count: NONE,
      value: a?.shareBeyond ?? null,
      text: '',
    });
    rows.push({
      section: 'access_mean_distance_m',
      item: type,
      period: '',
      count: NONE,
      value: a?.meanDistanceMetres ?? null,
      text: '',
    });
  }
  if (profile.lighting) {
    rows.push({
      section: 'lighting',
      item: 'unsafe_street',
      period,
      count: profile.lighting.unsafeStreet,
      value: profile.lighting.unsafePer1000,
      text: 'per_1000',
    });
    rows.push({
      section: 'lighting',
      item: 'lights_per_km2',
      period: '',
      count: NONE,
      value: profile.lighting.lightsPerKm2,
      text: '',
    });
    rows.push({
      section: 'lighting',
      item: 'share_defective',
      period: '',
      count: NONE,
      value: profile.lighting.defectShare,
      text: '',
    });
  }
  if (profile.housing) {
    rows.push({
      section: 'housing',
      item: 'poor_housing',
      period,
      count: profile.housing.poorHousing,
      value: profile.housing.poorHousingPer1000,
      text: 'per_1000',
    });
    rows.push({
      section: 'housing',
      item: 'social_dwellings_per_1000',
      period: '',
      count: NONE,
      value: profile.housing.socialUnitsPer1000,
      text: '',
    });
    rows.push({
      section: 'housing',
      item: 'substandard_dwellings',
      period,
      count: profile.housing.substandardDwellings,
      value: null,
      text: '',
    });
  }
  return rows;
}

/** A count as printed in the PDF; refuses a shown count under the threshold, like the CSV writer. */
function countText(value: SuppressedValue, threshold: number, locale: Locale): string {
  if (value.suppressed !== null) return 'x';
  if (value.value !== null && value.value > 0 && value.value < threshold)
    throw new UnsuppressedDataError(`count ${value.value} below ${threshold} in a PDF`);
  return value.value === null ? '' : formatNumber(locale, value.value);
}

export function profilePdfContent(
  profile: NeighbourhoodProfile,
  shapes: { code: string; geometry: Geometry }[],
  t: Translate,
  locale: Locale,
  lang: 'nl' | 'en',
  metadata: { source: string; suppressionText: string; generatedAt: Date },
): ProfilePdfContent {
  const { place } = profile;
  const threshold = profile.note.threshold;
  const num = (v: number | null | undefined, d = 1) =>
    v === null || v === undefined || !Number.isFinite(v) ? '–' : formatNumber(locale, v, d);
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined ? '–' : `${formatNumber(locale, v * 100, 0)} %`;
  const category = (code: string) =>
    code === ALL ? t('analysis.allCategories') : (SIGNAL_CATEGORIES.find((c) => c.code === code)?.[lang] ?? code);
  const label = (p: NeighbourhoodProfile['period']) => periodLabel(p, locale, t);
  return {
    title: `${t('profile.pageTitle', { name: place.name })}`,
    subtitle: `${t('profile.eyebrow', { municipality: place.municipalityName, region: place.regionName })} · ${t('profile.meta', { period: label(profile.period), population: num(profile.base.population, 0), area: num(place.areaM2 / 1e6, 2) })}`,
    lines: [
      `${t('profile.hotspotTitle')}: ${t(`analysis.significance.${profile.hotspots[0]!.significance}`)} (z = ${num(profile.hotspots[0]!.zScore, 2)})`,
      `${lang === 'nl' ? 'Bron' : 'Source'}: ${metadata.source}`,
      `${lang === 'nl' ? 'Aangemaakt' : 'Generated'}: ${metadata.generatedAt.toISOString()}`,
      `${lang === 'nl' ? 'Afscherming' : 'Suppression'}: ${metadata.suppressionText}`,
    ],
    map: {
      title: t('analysis.legend.hotspots'),
      shapes: shapes
        .filter((s) => s.geometry.type === 'Polygon' || s.geometry.type === 'MultiPolygon')
        .map((s) => ({
          code: s.code,
          geometry: s.geometry as Polygon | MultiPolygon,
          selected: s.code === place.code,
          color: SIGNIFICANCE_COLORS[profile.municipalityClasses[s.code] ?? 'not_significant'],
        })),
      legend: SIGNIFICANCE_ORDER.map((s) => ({
        color: SIGNIFICANCE_COLORS[s],
        label: t(`analysis.significance.${s}`),
      })),
    },
    tables: [
      {
        title: t('profile.indicatorsTitle'),
        header: [t('compare.indicator'), place.name, place.municipalityName],
        rows: profile.indicators.map((row) => {
          const indicator = INDICATORS.find((i) => i.code === row.code)!;
          const show = (v: number | null) =>
            v === null ? '–' : formatMeasure(locale, t, v, indicator.unit, indicator.decimals);
          return [indicator[lang], show(row.value), show(row.municipalityValue)];
        }),
      },
      {
        title: t('profile.trendsTitle'),
        header: [t('analysis.filter.category'), ...profile.trends.flatMap((trend) => [label(trend.period), '‰'])],
        rows: [ALL, ...SIGNAL_CATEGORIES.map((c) => c.code)].map((code) => [
          category(code),
          ...profile.trends.flatMap((trend) => [
            countText(trend.cells[code]!.count, threshold, locale),
            num(trend.cells[code]!.per1000),
          ]),
        ]),
        note: t('profile.trendsNote', { max: threshold - 1 }),
      },
      {
        title: t('profile.hotspotTitle'),
        header: [t('analysis.filter.category'), t('analysis.col.class'), 'z', t('analysis.col.smoothed')],
        rows: profile.hotspots.map((h) => [
          category(h.category),
          t(`analysis.significance.${h.significance}`),
          num(h.zScore, 2),
          num(h.smoothedPer1000),
        ]),
        note: t('analysis.hotspots.method'),
      },
      {
        title: t('profile.accessTitle'),
        header: [
          t('profile.serviceType'),
          t('profile.inside'),
          t('profile.meanDistance'),
          t('profile.beyond', { metres: 1000 }),
        ],
        rows: SERVICE_TYPES.filter((type) => profile.accessTypes.includes(type.code)).map((type) => {
          const a = profile.access?.byType[type.code];
          return [
            type[lang],
            String(profile.servicesInside[type.code] ?? 0),
            a?.meanDistanceMetres == null ? '–' : `${formatNumber(locale, a.meanDistanceMetres)} m`,
            pct(a?.shareBeyond),
          ];
        }),
        note: t('analysis.access.method'),
      },
      {
        title: t('profile.lightingHousingTitle'),
        header: ['', t('analysis.col.count'), '‰ / %'],
        rows: [
          [
            t('analysis.col.unsafe'),
            profile.lighting ? countText(profile.lighting.unsafeStreet, threshold, locale) : '–',
            num(profile.lighting?.unsafePer1000),
          ],
          [t('analysis.col.lightsPerKm2'), '', num(profile.lighting?.lightsPerKm2, 0)],
          [t('analysis.col.defects'), '', pct(profile.lighting?.defectShare)],
          [
            t('analysis.col.poorHousing'),
            profile.housing ? countText(profile.housing.poorHousing, threshold, locale) : '–',
            num(profile.housing?.poorHousingPer1000),
          ],
          [t('analysis.col.socialUnits'), '', num(profile.housing?.socialUnitsPer1000)],
          [
            t('analysis.col.substandard'),
            profile.housing ? countText(profile.housing.substandardDwellings, threshold, locale) : '–',
            '',
          ],
        ],
      },
    ],
    footer: t('profile.footer', { max: threshold - 1 }),
  };
}
