'use client';

import { formatNumber } from '@/lib/i18n/format';
import type { NeighbourhoodFeature } from '@/lib/map/area-data';
import type { ClassBreaks } from '@/lib/map/class-breaks';
import { SIGNAL_VIEWS, WALK_DISTANCES, type SignalView, type WalkDistance } from '@/lib/map/map-options';
import type { NeighbourhoodOverlayStats } from '@/lib/map/neighbourhood-overlays';
import { SIGNAL_RATE_RAMP, SIGNAL_RATE_WITHHELD } from '@/lib/map/overlay-layers';
import { useI18n } from './i18n-provider';

/**
 * What a layer's legend shows besides its symbols: the signal view and the signal figures of
 * the area, the walking-distance choice for services, the dwelling records of the area.
 */

interface AreaFigures {
  figures: { neighbourhoods: NeighbourhoodOverlayStats[]; signalMunicipalities?: string[] } | null;
  /** The municipality the sidebar is on (its neighbourhoods only), or the whole region. */
  scopeNis: string | undefined;
  scopeName: string;
  byCode: Map<string, NeighbourhoodFeature>;
}

/** Sum of the counts that are shown, and how many neighbourhoods withhold theirs. */
function areaTotal(
  { figures, scopeNis, byCode }: AreaFigures,
  pick: (n: NeighbourhoodOverlayStats) => number | null | undefined,
) {
  const inScope = (figures?.neighbourhoods ?? []).filter(
    (n) => !scopeNis || byCode.get(n.code)?.properties.municipalityNis === scopeNis,
  );
  // Neighbourhoods the person may not see (undefined) are left out altogether.
  const values = inScope.map(pick).filter((value) => value !== undefined);
  return {
    shown: values.reduce<number>((sum, value) => sum + (value ?? 0), 0),
    withheld: values.filter((value) => value === null).length,
  };
}

interface SignalsProps extends AreaFigures {
  view: SignalView;
  onViewChange: (view: SignalView) => void;
  loading: boolean;
  error: boolean;
  rateBreaks: ClassBreaks;
  /** The small-numbers threshold (BUURTRADAR_MIN_COUNT). */
  minCount: number;
}

function Signals(props: SignalsProps) {
  const { t, locale } = useI18n();
  const { shown, withheld } = areaTotal(props, (n) => n.signals);
  const number = (value: number, decimals = 0) => formatNumber(locale, value, decimals);
  const empty = props.figures !== null && shown === 0 && withheld === 0;
  // Signed in for other municipalities only: say so rather than show an empty map.
  const noAccess = props.figures !== null && props.figures.signalMunicipalities?.length === 0;
  return (
    <div className="layer-extras">
      <fieldset className="segmented" data-testid="signal-view">
        <legend className="visually-hidden">{t('layers.signals.view')}</legend>
        {SIGNAL_VIEWS.map((view) => (
          <label key={view} className={view === props.view ? 'segment segment-on' : 'segment'}>
            <input
              type="radio"
              name="signal-view"
              value={view}
              checked={view === props.view}
              onChange={() => props.onViewChange(view)}
            />
            {t(`layers.signals.view.${view}`)}
          </label>
        ))}
      </fieldset>
      {props.error && (
        <p className="layer-error" role="alert">
          {t('layers.figuresError')}
        </p>
      )}
      {props.figures === null && props.loading && <p className="field-hint">{t('layers.loading')}</p>}
      {noAccess && (
        <p className="layer-empty" data-testid="signals-no-access">
          {t('layers.signals.noAccess')}
        </p>
      )}
      {empty && !noAccess && (
        <p className="layer-empty" data-testid="signals-empty">
          {t('layers.signals.empty')}
        </p>
      )}
      {props.figures !== null && !empty && !noAccess && (
        <p className="layer-total" data-testid="signals-total" aria-live="polite">
          {t('layers.signals.total', { count: number(shown), area: props.scopeName })}
          {withheld > 0 && <span className="layer-total-note">{t('layers.signals.hidden', { count: withheld })}</span>}
        </p>
      )}
      {props.view === 'rate' && props.rateBreaks.classes.length > 0 && (
        <ul className="layer-legend-rows" data-testid="signal-rate-classes" aria-label={t('layers.signals.rateTitle')}>
          {props.rateBreaks.classes.map((entry, index) => (
            <li key={entry.min} className="layer-legend-row">
              <span className="layer-legend-swatch">
                <span className="layer-square" style={{ background: SIGNAL_RATE_RAMP[index] }} aria-hidden="true" />
              </span>
              <span>
                {entry.min === entry.max
                  ? number(entry.min, 1)
                  : t('legend.range', { min: number(entry.min, 1), max: number(entry.max, 1) })}{' '}
                ‰
              </span>
            </li>
          ))}
          <li className="layer-legend-row">
            <span className="layer-legend-swatch">
              <span className="layer-square" style={{ background: SIGNAL_RATE_WITHHELD }} aria-hidden="true" />
            </span>
            <span>{t('layers.signals.withheld', { min: props.minCount })}</span>
          </li>
        </ul>
      )}
    </div>
  );
}

function Rings({
  distances,
  onChange,
  error,
}: {
  distances: readonly WalkDistance[];
  onChange: (distances: WalkDistance[]) => void;
  error: boolean;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="layer-extras rings-choice" data-testid="walk-rings">
      <legend className="layer-extras-label">{t('layers.rings.label')}</legend>
      {WALK_DISTANCES.map((distance) => (
        <label key={distance} className="filter-option filter-option-inline">
          <input
            type="checkbox"
            value={distance}
            checked={distances.includes(distance)}
            onChange={(event) =>
              onChange(WALK_DISTANCES.filter((d) => (d === distance ? event.target.checked : distances.includes(d))))
            }
          />
          {t('layers.rings.option', { distance })}
        </label>
      ))}
      {distances.length > 0 && <p className="layer-legend-note">{t('layers.rings.note')}</p>}
      {error && (
        <p className="layer-error" role="alert">
          {t('layers.rings.error')}
        </p>
      )}
    </fieldset>
  );
}

function Dwellings(props: AreaFigures) {
  const { t, locale } = useI18n();
  if (props.figures === null) return null;
  const { shown, withheld } = areaTotal(props, (n) => n.substandardDwellings);
  if (shown === 0 && withheld === 0)
    return (
      <p className="layer-empty" data-testid="dwellings-empty">
        {t('layers.dwellings.empty')}
      </p>
    );
  return (
    <p className="layer-total" data-testid="dwellings-total">
      {t('layers.dwellings.total', { count: formatNumber(locale, shown), area: props.scopeName })}
      {withheld > 0 && <span className="layer-total-note">{t('layers.dwellings.hidden', { count: withheld })}</span>}
    </p>
  );
}

export const LayerExtras = { Signals, Rings, Dwellings };
