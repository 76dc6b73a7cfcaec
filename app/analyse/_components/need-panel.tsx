'use client';

import Link from 'next/link';
import { useI18n } from '@/app/_components/i18n-provider';
import { DEFAULT_WEIGHT_PERCENT } from '@/lib/analysis/analysis-query';
import type { NeedIndexResult, NeedIndicatorKey } from '@/lib/analysis/need-index';
import type { HotspotRow } from '@/lib/analysis/region-analysis';
import { NumberCell, PercentCell } from './cells';
import styles from './analysis.module.css';

const KEYS = Object.keys(DEFAULT_WEIGHT_PERCENT) as NeedIndicatorKey[];

/** Weight sliders and the ranked need index; every change recomputes map and table at once. */
export function NeedPanel({
  need,
  weights,
  onWeights,
  names,
  selected,
  onSelect,
  period,
}: {
  need: NeedIndexResult;
  weights: Record<NeedIndicatorKey, number>;
  onWeights: (weights: Record<NeedIndicatorKey, number>) => void;
  names: ReadonlyMap<string, HotspotRow>;
  selected: string | undefined;
  onSelect: (code: string) => void;
  period: string;
}) {
  const { t } = useI18n();
  const ranked = [...need.areas].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.code < b.code ? -1 : 1),
  );
  return (
    <div>
      <h2 className={styles.panelTitle}>{t('analysis.index.title')}</h2>
      <p className={styles.panelIntro}>{t('analysis.index.intro')}</p>
      <fieldset className={styles.weights} data-testid="need-weights">
        <legend>{t('analysis.index.weights')}</legend>
        {KEYS.map((key) => (
          <label key={key} className={styles.weight}>
            <span>{t(`analysis.need.${key}`)}</span>
            <input
              type="range"
              min={0}
              max={100}
              step={5}
              value={weights[key]}
              data-testid={`weight-${key}`}
              onChange={(event) => onWeights({ ...weights, [key]: Number(event.target.value) })}
            />
            <output>{weights[key]}</output>
          </label>
        ))}
        <button
          type="button"
          className="button"
          onClick={() => onWeights(DEFAULT_WEIGHT_PERCENT)}
          data-testid="weights-reset"
        >
          {t('analysis.index.reset')}
        </button>
      </fieldset>
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="need-table">
          <thead>
            <tr>
              <th scope="col" className={styles.num}>
                {t('analysis.col.rank')}
              </th>
              <th scope="col">{t('analysis.col.neighbourhood')}</th>
              <th scope="col">{t('analysis.col.municipality')}</th>
              <th scope="col" className={styles.num}>
                {t('analysis.col.index')}
              </th>
              <th scope="col" className={styles.num}>
                {t('analysis.col.coverage')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((area) => {
              const row = names.get(area.code);
              return (
                <tr
                  key={area.code}
                  data-testid="need-row"
                  data-code={area.code}
                  className={area.code === selected ? styles.selectedRow : undefined}
                  onClick={() => onSelect(area.code)}
                >
                  <td className={styles.num}>{area.rank ?? '–'}</td>
                  <th scope="row">
                    <Link href={`/buurt/${area.code}?periode=${period}`}>{row?.name ?? area.code}</Link>
                  </th>
                  <td>{row?.municipalityName}</td>
                  <td className={styles.num}>
                    <NumberCell value={area.index} decimals={2} />
                  </td>
                  <td className={styles.num}>
                    <PercentCell share={area.coverage} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className={styles.method}>{t('analysis.index.method')}</p>
    </div>
  );
}
