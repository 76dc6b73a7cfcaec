import type { MultiPolygon, Polygon } from 'geojson';
import type { ComparedMunicipality } from '@/lib/analysis/compare';
import type { NeighbourhoodCollection } from '@/lib/map/area-data';
import { colorFor, computeClassBreaks } from '@/lib/map/class-breaks';
import { svgPaths } from '@/lib/map/svg-map';
import { formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/translate';
import styles from './compare.module.css';

const WIDTH = 260;
const HEIGHT = 220;

/**
 * One small map per municipality, coloured on one shared scale so that the same colour means
 * the same rate everywhere. Static SVG from the server: light, printable, no WebGL per map.
 */
export function SmallMultiples({
  municipalities,
  shapes,
  values,
  locale,
  t,
  title,
}: {
  municipalities: readonly ComparedMunicipality[];
  shapes: Record<string, NeighbourhoodCollection>;
  values: Record<string, number | null>;
  locale: Locale;
  t: Translate;
  title: string;
}) {
  const breaks = computeClassBreaks(Object.values(values));
  return (
    <section className={styles.section} aria-labelledby="small-multiples-title">
      <h2 id="small-multiples-title" className={styles.sectionTitle}>
        {title}
      </h2>
      <div className={styles.multiples} data-testid="small-multiples">
        {municipalities.map((m) => {
          const features = shapes[m.nis]?.features ?? [];
          const paths = svgPaths(
            features.map((f) => ({ code: f.properties.code, geometry: f.geometry as Polygon | MultiPolygon })),
            WIDTH,
            HEIGHT,
          );
          const names = new Map(features.map((f) => [f.properties.code, f.properties.name]));
          return (
            <figure key={m.nis} className={styles.multiple} data-testid="small-multiple" data-nis={m.nis}>
              <figcaption>{m.name}</figcaption>
              <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('compare.mapAria', { name: m.name })}>
                {paths.map((path) => {
                  const value = values[path.code];
                  return (
                    <path key={path.code} d={path.d} fill={colorFor(breaks, value)} stroke="#ffffff" strokeWidth={0.8}>
                      <title>{`${names.get(path.code) ?? path.code}: ${value === null || value === undefined ? t('compare.hiddenOrNone') : formatNumber(locale, value, 1)}`}</title>
                    </path>
                  );
                })}
              </svg>
            </figure>
          );
        })}
      </div>
      <ul className={styles.legend} data-testid="small-multiples-legend">
        {breaks.classes.map((c) => (
          <li key={c.min}>
            <span style={{ background: c.color }} aria-hidden="true" />
            {formatNumber(locale, c.min, 1)} – {formatNumber(locale, c.max, 1)}
          </li>
        ))}
        <li>
          <span style={{ background: breaks.noDataColor }} aria-hidden="true" />
          {t('compare.hiddenOrNone')}
        </li>
      </ul>
    </section>
  );
}
