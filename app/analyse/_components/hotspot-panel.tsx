'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useI18n } from '@/app/_components/i18n-provider';
import type { ClusterSummaries } from '@/lib/analysis/dbscan';
import type { RegionAnalysis } from '@/lib/analysis/region-analysis';
import { SIGNIFICANCE_COLORS } from '@/lib/map/analysis-palette';
import { CountCell, NumberCell } from './cells';
import styles from './analysis.module.css';

/** Gi* hot and cold spots, most concentrated first; the municipalities' rates below. */
export function HotspotPanel({
  analysis,
  clusters,
  selected,
  onSelect,
  period,
}: {
  analysis: RegionAnalysis;
  clusters: ClusterSummaries | null;
  selected: string | undefined;
  onSelect: (code: string) => void;
  period: string;
}) {
  const { t, locale } = useI18n();
  const [onlySignificant, setOnlySignificant] = useState(true);
  const rows = analysis.hotspots.filter((row) => !onlySignificant || row.significance !== 'not_significant');
  const hot = analysis.hotspots.filter((row) => row.significance.startsWith('hot')).length;
  return (
    <div>
      <h2 className={styles.panelTitle}>{t('analysis.hotspots.title')}</h2>
      <p className={styles.panelIntro}>
        {t('analysis.hotspots.intro', { hot, base: t(`analysis.basePer.${analysis.base}`) })}
      </p>
      {!analysis.baseAvailable && <p className={styles.warning}>{t('analysis.baseFallback')}</p>}
      <label className={styles.check}>
        <input
          type="checkbox"
          checked={onlySignificant}
          onChange={(e) => setOnlySignificant(e.target.checked)}
          data-testid="only-significant"
        />
        {t('analysis.hotspots.onlySignificant')}
      </label>
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="hotspot-table">
          <thead>
            <tr>
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
              <th scope="col" className={styles.num}>
                z
              </th>
              <th scope="col" className={styles.num}>
                p
              </th>
              <th scope="col">{t('analysis.col.class')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={8}>{t('analysis.hotspots.none')}</td>
              </tr>
            )}
            {rows.map((row) => (
              <tr
                key={row.code}
                data-testid="hotspot-row"
                data-code={row.code}
                data-nis={row.municipalityNis}
                data-class={row.significance}
                className={row.code === selected ? styles.selectedRow : undefined}
                onClick={() => onSelect(row.code)}
              >
                <th scope="row">
                  <Link href={`/buurt/${row.code}?periode=${period}`}>{row.name}</Link>
                </th>
                <td>{row.municipalityName}</td>
                <td className={styles.num}>
                  <CountCell value={row.count} />
                </td>
                <td className={styles.num}>
                  <NumberCell value={row.rawPer1000} />
                </td>
                <td className={styles.num} data-smoothed={row.smoothedPer1000 ?? ''}>
                  <NumberCell value={row.smoothedPer1000} />
                </td>
                <td className={styles.num}>
                  <NumberCell value={row.zScore} decimals={2} />
                </td>
                <td className={styles.num}>
                  {row.pValue === null ? (
                    '–'
                  ) : row.pValue < 0.001 ? (
                    '< 0,001'.replace(',', locale === 'en' ? '.' : ',')
                  ) : (
                    <NumberCell value={row.pValue} decimals={3} />
                  )}
                </td>
                <td>
                  <span
                    className={styles.classDot}
                    style={{ background: SIGNIFICANCE_COLORS[row.significance] }}
                    aria-hidden="true"
                  />
                  {t(`analysis.significance.${row.significance}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.method}>{t('analysis.hotspots.method')}</p>

      <h3 className={styles.subTitle}>{t('analysis.municipalities.title')}</h3>
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="municipality-table">
          <thead>
            <tr>
              <th scope="col">{t('analysis.col.municipality')}</th>
              <th scope="col" className={styles.num}>
                {t(`analysis.base.${analysis.base}`)}
              </th>
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
            {analysis.municipalities.map((row) => (
              <tr key={row.nis}>
                <th scope="row">{row.name}</th>
                <td className={styles.num}>
                  <NumberCell value={row.population} decimals={0} />
                </td>
                <td className={styles.num}>
                  <CountCell value={row.count} />
                </td>
                <td className={styles.num}>
                  <NumberCell value={row.rawPer1000} />
                </td>
                <td className={styles.num}>
                  <NumberCell value={row.smoothedPer1000} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {clusters && (
        <>
          <h3 className={styles.subTitle}>{t('analysis.clusters.title')}</h3>
          <p className={styles.panelIntro}>
            {t('analysis.clusters.intro', { count: clusters.clusters.length, hidden: clusters.hiddenClusters })}
          </p>
          <ul className={styles.clusterList} data-testid="cluster-list">
            {clusters.clusters.map((cluster) => (
              <li key={cluster.cluster}>
                {t('analysis.clusters.item', { number: cluster.cluster + 1, count: cluster.count })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
