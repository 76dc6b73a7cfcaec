'use client';

import Link from 'next/link';
import { useI18n } from '@/app/_components/i18n-provider';
import type { AccessFlagState } from '@/lib/analysis/access-flags';
import type { HotspotRow, RegionAnalysis } from '@/lib/analysis/region-analysis';
import { SERVICE_TYPES } from '@/lib/services/service-types';
import { NumberCell, PercentCell } from './cells';
import styles from './analysis.module.css';

/** Share of each neighbourhood's population beyond the distance, per service type, and the flag. */
export function AccessPanel({
  analysis,
  flags,
  names,
  distance,
  selected,
  onSelect,
}: {
  analysis: RegionAnalysis;
  flags: Record<string, AccessFlagState>;
  names: ReadonlyMap<string, HotspotRow>;
  distance: number;
  selected: string | undefined;
  onSelect: (code: string) => void;
}) {
  const { t, lang } = useI18n();
  const types = SERVICE_TYPES.filter((type) => analysis.accessTypes.includes(type.code));
  const rows = [...analysis.access].sort(
    (a, b) => flagOrder(flags[a.code]) - flagOrder(flags[b.code]) || (a.code < b.code ? -1 : 1),
  );
  const flagged = Object.values(flags).filter((flag) => flag.kind === 'flagged').length;
  return (
    <div>
      <h2 className={styles.panelTitle}>{t('analysis.access.title')}</h2>
      <p className={styles.panelIntro}>{t('analysis.access.intro', { metres: distance, flagged })}</p>
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="access-table">
          <thead>
            <tr>
              <th scope="col">{t('analysis.col.neighbourhood')}</th>
              <th scope="col">{t('analysis.col.flag')}</th>
              <th scope="col" className={styles.num}>
                {t('analysis.col.population')}
              </th>
              {types.map((type) => (
                <th key={type.code} scope="col" className={styles.num} title={type[lang]}>
                  {type[lang]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const flag = flags[row.code];
              return (
                <tr
                  key={row.code}
                  data-testid="access-row"
                  data-code={row.code}
                  data-flag={flag?.kind}
                  className={row.code === selected ? styles.selectedRow : undefined}
                  onClick={() => onSelect(row.code)}
                >
                  <th scope="row">
                    <Link href={`/buurt/${row.code}`}>{names.get(row.code)?.name ?? row.code}</Link>
                  </th>
                  <td>{flag ? t(`analysis.flag.${flag.kind}`) : ''}</td>
                  <td className={styles.num}>
                    <NumberCell value={row.population} decimals={0} />
                  </td>
                  {types.map((type) => {
                    const access = row.byType[type.code];
                    return (
                      <td
                        key={type.code}
                        className={`${styles.num} ${access?.poorAccess ? styles.poor : ''}`}
                        title={
                          access?.meanDistanceMetres === null || access === undefined
                            ? ''
                            : t('analysis.access.meanDistance', { metres: access.meanDistanceMetres })
                        }
                      >
                        <PercentCell share={access?.shareBeyond} />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className={styles.method}>{t('analysis.access.method')}</p>
    </div>
  );
}

const flagOrder = (flag: AccessFlagState | undefined) =>
  ['flagged', 'highNeed', 'poorAccess', 'neither'].indexOf(flag?.kind ?? 'neither');
