import type { Metadata } from 'next';
import { requireAnalysisArea } from '@/app/_server/analysis/access';
import { loadPeriods, loadRegionAnalysis, pickPeriod } from '@/app/_server/analysis/region-data';
import { getAreaDataVersion } from '@/db/queries/areas';
import { getDb } from '@/db/server';
import { categoryKey, parseAnalysisQuery, type SearchParamsRecord } from '@/lib/analysis/analysis-query';
import { getTranslator } from '@/lib/i18n/server';
import { AnalysisFilters } from '../_components/analysis-filters';
import { AnalysisWorkspace } from '../_components/analysis-workspace';
import styles from '../_components/analysis.module.css';

interface Props {
  params: Promise<{ region: string }>;
  searchParams: Promise<SearchParamsRecord>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { region } = await params;
  const [{ t }, area] = await Promise.all([getTranslator(), requireAnalysisArea(region, `/analyse/${region}`)]);
  return { title: t('analysis.pageTitle', { area: area.region.name }) };
}

/**
 * /analyse/<region>: hotspots (Gi*), need index, need versus supply, lighting and housing of
 * the neighbourhoods the person may see. Category, period and distance are computed on the
 * server (a GET form); tab, weights and the selected neighbourhood change in the browser.
 */
export default async function AnalysisPage({ params, searchParams }: Props) {
  const [{ region: code }, search] = await Promise.all([params, searchParams]);
  const area = await requireAnalysisArea(code, `/analyse/${code}`);
  const query = parseAnalysisQuery(search);
  const db = await getDb();
  const [{ t }, { periods, fallback }, version] = await Promise.all([
    getTranslator(),
    loadPeriods(db),
    getAreaDataVersion(db),
  ]);
  const period = pickPeriod(periods, fallback, query.period);
  const filters = <AnalysisFilters regionCode={area.region.code} query={query} periods={periods} period={period} />;
  if (!period) {
    return (
      <div className={styles.page}>
        <h1 className={styles.title}>{t('analysis.heading', { area: area.region.name })}</h1>
        {filters}
        <p>{t('analysis.noSignals')}</p>
      </div>
    );
  }
  const data = await loadRegionAnalysis(db, {
    regionCode: area.region.code,
    regionNis: area.municipalities.map((m) => m.nis),
    visibleNis: area.visibleNis,
    period,
    category: categoryKey(query.category),
    distance: query.distance,
    scope: area.scope,
  });
  const partial = area.visibleNis.length < area.municipalities.length;
  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <div>
          <h1 className={styles.title}>{t('analysis.heading', { area: area.region.name })}</h1>
          <p className={styles.subtitle}>
            {partial
              ? t('analysis.partialScope', {
                  municipalities: area.municipalities
                    .filter((m) => area.visibleNis.includes(m.nis))
                    .map((m) => m.name)
                    .join(', '),
                })
              : t('analysis.wholeRegion', { count: area.municipalities.length })}
          </p>
        </div>
        {filters}
      </div>
      <AnalysisWorkspace
        regionCode={area.region.code}
        dataVersion={version}
        bbox={
          partial
            ? unionBbox(area.municipalities.filter((m) => area.visibleNis.includes(m.nis)).map((m) => m.bbox))
            : area.region.bbox
        }
        query={query}
        period={period}
        analysis={data.analysis}
        clusters={data.clusters}
        note={data.inputs.publication.note}
        visibleNis={area.visibleNis}
        canExport={area.scope.canExport}
      />
    </div>
  );
}

/** The box around the municipalities a person sees: the map opens on them, not the whole region. */
function unionBbox(boxes: readonly [number, number, number, number][]): [number, number, number, number] {
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}
