'use client';

import type { FeatureCollection } from 'geojson';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useI18n } from '@/app/_components/i18n-provider';
import { type AnalysisQuery, type AnalysisTab, ANALYSIS_TABS, analysisSearch } from '@/lib/analysis/analysis-query';
import type { ClusterSummaries } from '@/lib/analysis/dbscan';
import { computeNeedIndex } from '@/lib/analysis/need-index';
import type { AnalysisPeriod } from '@/lib/analysis/periods';
import type { RegionAnalysis } from '@/lib/analysis/region-analysis';
import type { SuppressionNote } from '@/lib/analysis/suppression';
import { accessFlags } from '@/lib/analysis/access-flags';
import { ACCESS_FLAG_COLORS, SIGNIFICANCE_COLORS } from '@/lib/map/analysis-palette';
import type { BBox } from '@/lib/map/area-data';
import { colorFor, computeClassBreaks } from '@/lib/map/class-breaks';
import { AnalysisMap } from './analysis-map';
import { AccessPanel } from './access-panel';
import { HotspotPanel } from './hotspot-panel';
import { HousingPanel, LightingPanel } from './supply-panels';
import { MapLegend, type LegendEntry } from './map-legend';
import { NeedPanel } from './need-panel';
import styles from './analysis.module.css';

export interface AnalysisWorkspaceProps {
  regionCode: string;
  dataVersion: string;
  bbox: BBox;
  query: AnalysisQuery;
  period: AnalysisPeriod;
  analysis: RegionAnalysis;
  clusters: ClusterSummaries | null;
  note: SuppressionNote;
  visibleNis: readonly string[];
  canExport: boolean;
}

/**
 * The interactive part of the analysis page: tabs, the map, weight sliders and tables. Tab,
 * weights and selection are written to the URL with history.replaceState (no server round
 * trip), so the address bar is always a link to what is on screen.
 */
export function AnalysisWorkspace(props: AnalysisWorkspaceProps) {
  const { t, locale } = useI18n();
  const { analysis, query } = props;
  const [tab, setTab] = useState<AnalysisTab>(query.tab);
  const [weights, setWeights] = useState(query.weights);
  const [selected, setSelected] = useState<string | undefined>(query.neighbourhood);

  const state = (patch: Partial<AnalysisQuery>) => ({
    ...query,
    period: props.period.id,
    tab,
    weights,
    neighbourhood: selected,
    ...patch,
  });
  const writeUrl = (patch: Partial<AnalysisQuery>) => {
    window.history.replaceState(null, '', `/analyse/${props.regionCode}${analysisSearch(state(patch))}`);
  };
  const changeTab = (next: AnalysisTab) => {
    setTab(next);
    writeUrl({ tab: next });
  };
  const changeWeights = (next: typeof weights) => {
    setWeights(next);
    writeUrl({ weights: next });
  };
  const choose = (code: string) => {
    setSelected(code);
    writeUrl({ neighbourhood: code });
  };

  // Instant: the index is recomputed in the browser from the inputs the server sent.
  const need = useMemo(() => {
    const positive = Object.values(weights).some((w) => w > 0);
    return computeNeedIndex(analysis.need, { weights: positive ? weights : { signals_per_1000: 1 } });
  }, [analysis.need, weights]);
  const ranks = useMemo(() => Object.fromEntries(need.areas.map((a) => [a.code, a.rank])), [need]);
  const flags = useMemo(() => accessFlags(analysis.access, ranks), [analysis.access, ranks]);

  const { colors, legend } = useMemo(
    () => mapColors(tab, analysis, need.areas, flags, t, locale),
    [tab, analysis, need, flags, t, locale],
  );
  const hulls = useMemo<FeatureCollection | null>(
    () =>
      props.clusters && tab === 'hotspots'
        ? {
            type: 'FeatureCollection',
            features: props.clusters.clusters
              .filter((c) => c.hull)
              .map((c) => ({ type: 'Feature', geometry: c.hull!, properties: { count: c.count } })),
          }
        : null,
    [props.clusters, tab],
  );

  const names = useMemo(() => new Map(analysis.hotspots.map((row) => [row.code, row])), [analysis.hotspots]);
  const geometryUrl =
    props.visibleNis.length === 1
      ? `/api/areas/neighbourhoods?municipality=${props.visibleNis[0]}&v=${encodeURIComponent(props.dataVersion)}`
      : `/api/areas/neighbourhoods?region=${props.regionCode}&v=${encodeURIComponent(props.dataVersion)}`;
  const exportQuery = (table: string) =>
    `/api/analyse/${props.regionCode}/export?tabel=${table}${analysisSearch({ category: query.category, period: props.period.id, distance: query.distance, weights }).replace('?', '&')}`;

  return (
    <div className={styles.workspace}>
      <nav className={styles.tabs} aria-label={t('analysis.tabsLabel')}>
        {ANALYSIS_TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? styles.tabActive : styles.tab}
            onClick={() => changeTab(name)}
            data-testid={`tab-${name}`}
          >
            {t(`analysis.tab.${name}`)}
          </button>
        ))}
      </nav>
      <div className={styles.body}>
        <section className={styles.mapColumn} aria-label={t('analysis.mapLabel')}>
          <div className={styles.mapFrame}>
            <AnalysisMap
              geometryUrl={geometryUrl}
              bbox={props.bbox}
              colors={colors}
              selected={selected}
              onSelect={choose}
              hulls={hulls}
              ariaLabel={t('analysis.mapAria', { tab: t(`analysis.tab.${tab}`) })}
            />
          </div>
          <MapLegend title={t(`analysis.legend.${tab}`)} entries={legend} />
          {selected && names.get(selected) && (
            <p className={styles.selection} data-testid="analysis-selection">
              <strong>{names.get(selected)!.name}</strong> ({names.get(selected)!.municipalityName}) ·{' '}
              <Link href={`/buurt/${selected}?periode=${props.period.id}`} data-testid="selection-profile-link">
                {t('analysis.openProfile')}
              </Link>
            </p>
          )}
          <p className={styles.note} data-testid="suppression-note">
            {t('analysis.suppressionNote', { max: props.note.threshold - 1 })}
          </p>
        </section>
        <section className={styles.panel}>
          {tab === 'hotspots' && (
            <HotspotPanel
              analysis={analysis}
              clusters={props.clusters}
              selected={selected}
              onSelect={choose}
              period={props.period.id}
            />
          )}
          {tab === 'index' && (
            <NeedPanel
              need={need}
              weights={weights}
              onWeights={changeWeights}
              names={names}
              selected={selected}
              onSelect={choose}
              period={props.period.id}
            />
          )}
          {tab === 'aanbod' && (
            <AccessPanel
              analysis={analysis}
              flags={flags}
              names={names}
              distance={query.distance}
              selected={selected}
              onSelect={choose}
            />
          )}
          {tab === 'verlichting' && (
            <LightingPanel analysis={analysis} names={names} selected={selected} onSelect={choose} />
          )}
          {tab === 'wonen' && <HousingPanel analysis={analysis} names={names} selected={selected} onSelect={choose} />}
          {props.canExport && <ExportLinks tab={tab} href={exportQuery} />}
        </section>
      </div>
    </div>
  );
}

const EXPORT_TABLES: Record<AnalysisTab, string[]> = {
  hotspots: ['hotspots', 'gemeenten', 'maanden'],
  index: ['index'],
  aanbod: ['aanbod'],
  verlichting: ['verlichting'],
  wonen: ['wonen'],
};

function ExportLinks({ tab, href }: { tab: AnalysisTab; href: (table: string) => string }) {
  const { t } = useI18n();
  return (
    <div className={styles.exports} data-testid="export-links">
      <h3>{t('analysis.export.heading')}</h3>
      {EXPORT_TABLES[tab].map((table) => (
        <p key={table}>
          <span>{t(`analysis.export.table.${table}` as 'analysis.export.table.hotspots')}:</span>{' '}
          <a href={`${href(table)}&formaat=csv`} download data-testid={`export-${table}-csv`}>
            CSV
          </a>
          {' · '}
          <a href={`${href(table)}&formaat=csv-excel`} download data-testid={`export-${table}-excel`}>
            {t('analysis.export.excel')}
          </a>
          {table !== 'maanden' && table !== 'gemeenten' && (
            <>
              {' · '}
              <a href={`${href(table)}&formaat=geojson`} download data-testid={`export-${table}-geojson`}>
                GeoJSON
              </a>
            </>
          )}
        </p>
      ))}
    </div>
  );
}

type Translate = ReturnType<typeof useI18n>['t'];

function mapColors(
  tab: AnalysisTab,
  analysis: RegionAnalysis,
  needAreas: ReturnType<typeof computeNeedIndex>['areas'],
  flags: ReturnType<typeof accessFlags>,
  t: Translate,
  locale: string,
): { colors: Record<string, string>; legend: LegendEntry[] } {
  if (tab === 'hotspots') {
    const colors = Object.fromEntries(
      analysis.hotspots.map((row) => [row.code, SIGNIFICANCE_COLORS[row.significance]]),
    );
    const legend = (Object.keys(SIGNIFICANCE_COLORS) as (keyof typeof SIGNIFICANCE_COLORS)[]).map((key) => ({
      color: SIGNIFICANCE_COLORS[key],
      label: t(`analysis.significance.${key}`),
      count: analysis.hotspots.filter((row) => row.significance === key).length,
    }));
    return { colors, legend };
  }
  if (tab === 'aanbod') {
    const colors = Object.fromEntries(
      Object.entries(flags).map(([code, flag]) => [code, ACCESS_FLAG_COLORS[flag.kind]]),
    );
    const legend = (Object.keys(ACCESS_FLAG_COLORS) as (keyof typeof ACCESS_FLAG_COLORS)[]).map((key) => ({
      color: ACCESS_FLAG_COLORS[key],
      label: t(`analysis.flag.${key}`),
      count: Object.values(flags).filter((f) => f.kind === key).length,
    }));
    return { colors, legend };
  }
  const values: [string, number | null][] =
    tab === 'index'
      ? needAreas.map((a) => [a.code, a.index])
      : tab === 'verlichting'
        ? analysis.lighting.map((row) => [row.code, row.defectShare === null ? null : row.defectShare * 100])
        : analysis.housing.map((row) => [row.code, row.socialUnitsPer1000]);
  const breaks = computeClassBreaks(values.map(([, v]) => v));
  const decimals = tab === 'index' ? 2 : 1;
  const format = (v: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(v);
  return {
    colors: Object.fromEntries(values.map(([code, v]) => [code, colorFor(breaks, v)])),
    legend: [
      ...breaks.classes.map((c) => ({ color: c.color, label: `${format(c.min)} – ${format(c.max)}`, count: c.count })),
      ...(breaks.missing > 0
        ? [{ color: breaks.noDataColor, label: t('analysis.noValue'), count: breaks.missing }]
        : []),
    ],
  };
}
