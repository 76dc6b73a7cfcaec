'use client';

import Link from 'next/link';
import { useI18n } from '@/app/_components/i18n-provider';
import type { HotspotRow, RegionAnalysis } from '@/lib/analysis/region-analysis';
import { CountCell, NumberCell, PercentCell } from './cells';
import styles from './analysis.module.css';

interface PanelProps {
  analysis: RegionAnalysis;
  names: ReadonlyMap<string, HotspotRow>;
  selected: string | undefined;
  onSelect: (code: string) => void;
}

/** Unsafe-feeling signals against street-light density and defects. */
export function LightingPanel({ analysis, names, selected, onSelect }: PanelProps) {
  const { t } = useI18n();
  const rows = [...analysis.lighting].sort((a, b) => (b.defectShare ?? -1) - (a.defectShare ?? -1));
  return (
    <div>
      <h2 className={styles.panelTitle}>{t('analysis.lighting.title')}</h2>
      <p className={styles.panelIntro}>{t('analysis.lighting.intro')}</p>
      <Correlation
        label={t('analysis.lighting.corrDefects')}
        value={analysis.correlations.unsafeVsDefects}
        testId="corr-defects"
      />
      <Correlation
        label={t('analysis.lighting.corrDensity')}
        value={analysis.correlations.unsafeVsLightDensity}
        testId="corr-density"
      />
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="lighting-table">
          <thead>
            <tr>
              <th scope="col">{t('analysis.col.neighbourhood')}</th>
              <th scope="col" className={styles.num}>
                {t('analysis.col.unsafe')}
              </th>
              <th scope="col" className={styles.num}>
                {t('analysis.col.raw')}
              </th>
              <th scope="col" className={styles.num}>
                {t('analysis.col.lightsPerKm2')}
              </th>
              <th scope="col" className={styles.num}>
                {t('analysis.col.defects')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.code}
                className={row.code === selected ? styles.selectedRow : undefined}
                onClick={() => onSelect(row.code)}
              >
                <th scope="row">
                  <Link href={`/buurt/${row.code}`}>{names.get(row.code)?.name ?? row.code}</Link>
                </th>
                <td className={styles.num}>
                  <CountCell value={row.unsafeStreet} />
                </td>
                <td className={styles.num}>
                  <NumberCell value={row.unsafePer1000} />
                </td>
                <td className={styles.num}>
                  <NumberCell value={row.lightsPerKm2} decimals={0} />
                </td>
                <td className={styles.num}>
                  <PercentCell share={row.defectShare} decimals={1} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Housing signals against social housing and substandard-dwelling records. */
export function HousingPanel({ analysis, names, selected, onSelect }: PanelProps) {
  const { t } = useI18n();
  const rows = [...analysis.housing].sort((a, b) => (b.poorHousingPer1000 ?? -1) - (a.poorHousingPer1000 ?? -1));
  return (
    <div>
      <h2 className={styles.panelTitle}>{t('analysis.housing.title')}</h2>
      <p className={styles.panelIntro}>{t('analysis.housing.intro')}</p>
      <Correlation
        label={t('analysis.housing.corr')}
        value={analysis.correlations.housingVsSubstandard}
        testId="corr-housing"
      />
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="housing-table">
          <thead>
            <tr>
              <th scope="col">{t('analysis.col.neighbourhood')}</th>
              <th scope="col" className={styles.num}>
                {t('analysis.col.poorHousing')}
              </th>
              <th scope="col" className={styles.num}>
                {t('analysis.col.raw')}
              </th>
              <th scope="col" className={styles.num}>
                {t('analysis.col.socialUnits')}
              </th>
              <th scope="col" className={styles.num}>
                {t('analysis.col.substandard')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={row.code}
                className={row.code === selected ? styles.selectedRow : undefined}
                onClick={() => onSelect(row.code)}
              >
                <th scope="row">
                  <Link href={`/buurt/${row.code}`}>{names.get(row.code)?.name ?? row.code}</Link>
                </th>
                <td className={styles.num}>
                  <CountCell value={row.poorHousing} />
                </td>
                <td className={styles.num}>
                  <NumberCell value={row.poorHousingPer1000} />
                </td>
                <td className={styles.num}>
                  <NumberCell value={row.socialUnitsPer1000} />
                </td>
                <td className={styles.num}>
                  <CountCell value={row.substandardDwellings} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function Correlation({ label, value, testId }: { label: string; value: number | null; testId: string }) {
  const { t } = useI18n();
  return (
    <p className={styles.correlation} data-testid={testId}>
      {label}:{' '}
      <strong>
        {value === null ? (
          t('analysis.tooFew')
        ) : (
          <>
            r = <NumberCell value={value} decimals={2} />
          </>
        )}
      </strong>
    </p>
  );
}
