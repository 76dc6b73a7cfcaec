'use client';

import styles from './analysis.module.css';

export interface LegendEntry {
  color: string;
  label: string;
  count?: number;
}

export function MapLegend({ title, entries }: { title: string; entries: readonly LegendEntry[] }) {
  return (
    <figure className={styles.legend} data-testid="analysis-legend">
      <figcaption>{title}</figcaption>
      <ul>
        {entries.map((entry) => (
          <li key={entry.label}>
            <span className={styles.swatch} style={{ background: entry.color }} aria-hidden="true" />
            {entry.label}
            {entry.count !== undefined && <span className={styles.legendCount}> ({entry.count})</span>}
          </li>
        ))}
      </ul>
    </figure>
  );
}
