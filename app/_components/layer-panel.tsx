'use client';

import Link from 'next/link';
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import type { MessageKey } from '@/lib/i18n/messages/nl-BE';
import {
  SERVICE_COLORS,
  SIGNAL_RAMP,
  SOCIAL_HOUSING_COLORS,
  STREET_LIGHT_COLORS,
  SUBSTANDARD_RAMP,
  type OverlayLayer,
} from '@/lib/map/overlay-layers';
import { SERVICE_TYPES, type ServiceTypeCode } from '@/lib/services/service-types';
import { drawServiceIcon } from './service-icons';
import { SignInLink } from './sign-in-link';
import { useI18n } from './i18n-provider';

export interface LayerPanelProps {
  enabled: readonly OverlayLayer[];
  onChange: (layer: OverlayLayer, on: boolean) => void;
  /** False while the tile versions load (or failed): the switches wait for the sources. */
  available: boolean;
  error: string | undefined;
  /** Per layer, what goes above its legend when it is on (view choices, counts, empty state). */
  extras?: Partial<Record<OverlayLayer, ReactNode>>;
  /** How signals are drawn: the legend follows. */
  signalView: 'rate' | 'grid' | 'heatmap';
  /** Layers this person may not switch on (signals, for most): shown, disabled, with why. */
  locked?: readonly OverlayLayer[];
  /** Why they are locked: sign in, or (aggregates-only roles) the analysis pages have them. */
  lockedReason?: { kind: 'signIn' } | { kind: 'analysis'; href: string };
  /** The small-numbers threshold the legends name (BUURTRADAR_MIN_COUNT). */
  minCount: number;
}

const NAME_KEYS = {
  signals: 'layers.name.signals',
  services: 'layers.name.services',
  street_lights: 'layers.name.street_lights',
  social_housing: 'layers.name.social_housing',
  substandard_dwellings: 'layers.name.substandard_dwellings',
} as const satisfies Record<OverlayLayer, MessageKey>;

/** The order people look for them: the care layers first, the housing and street layers after. */
const PANEL_ORDER: readonly OverlayLayer[] = [
  'signals',
  'services',
  'street_lights',
  'social_housing',
  'substandard_dwellings',
];

/** Overlay switches, each with its legend once switched on (a legend for a hidden layer is noise). */
export function LayerPanel({
  enabled,
  onChange,
  available,
  error,
  extras,
  signalView,
  minCount,
  locked = [],
  lockedReason = { kind: 'signIn' },
}: LayerPanelProps) {
  const { t } = useI18n();
  return (
    <div className="layer-panel">
      <p className="field-hint layer-hint">{t('layers.hint')}</p>
      {error && (
        <p className="layer-error" role="alert">
          {error}
        </p>
      )}
      <ul className="layer-list">
        {PANEL_ORDER.map((layer) => {
          const on = enabled.includes(layer);
          const id = `layer-toggle-${layer}`;
          return (
            <li key={layer} className={on ? 'layer-item layer-item-on' : 'layer-item'}>
              <label className="layer-toggle" htmlFor={id}>
                <input
                  id={id}
                  type="checkbox"
                  className="layer-checkbox"
                  data-testid={id}
                  checked={on}
                  disabled={!available || locked.includes(layer)}
                  aria-describedby={locked.includes(layer) ? `layer-locked-${layer}` : undefined}
                  aria-controls={on ? `layer-legend-${layer}` : undefined}
                  onChange={(event) => onChange(layer, event.target.checked)}
                />
                <LayerIcon layer={layer} />
                <span className="layer-name">{t(NAME_KEYS[layer])}</span>
              </label>
              {locked.includes(layer) && (
                <p id={`layer-locked-${layer}`} className="layer-locked" data-testid={`layer-locked-${layer}`}>
                  {lockedReason.kind === 'analysis' ? (
                    <>
                      {t(layer === 'signals' ? 'layers.signals.onAnalysis' : 'layers.dwellings.onAnalysis')}{' '}
                      <Link href={lockedReason.href}>{t('layers.signals.toAnalysis')}</Link>
                    </>
                  ) : (
                    <>
                      {t(layer === 'signals' ? 'layers.signals.signIn' : 'layers.dwellings.signIn')}{' '}
                      <SignInLink label={t('auth.signInLink')} />
                    </>
                  )}
                </p>
              )}
              {on && (
                <div id={`layer-legend-${layer}`} className="layer-legend" data-testid={`layer-legend-${layer}`}>
                  {extras?.[layer]}
                  <LayerLegend layer={layer} signalView={signalView} minCount={minCount} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function Dot({
  color,
  size = 12,
  stroke,
  strokeWidth = 1.5,
  fillOpacity,
}: {
  color: string;
  size?: number;
  stroke?: string;
  strokeWidth?: number;
  fillOpacity?: number;
}) {
  const style: CSSProperties = {
    width: size,
    height: size,
    background:
      fillOpacity === undefined ? color : `color-mix(in srgb, ${color} ${Math.round(fillOpacity * 100)}%, transparent)`,
    boxShadow: stroke
      ? `inset 0 0 0 ${strokeWidth}px ${stroke}`
      : 'inset 0 0 0 1.5px #fff, 0 0 0 0.5px rgb(20 32 46 / 0.25)',
  };
  return <span className="layer-dot" style={style} aria-hidden="true" />;
}

function LayerIcon({ layer }: { layer: OverlayLayer }) {
  switch (layer) {
    case 'signals':
      return <Dot color={SIGNAL_RAMP[1]} />;
    case 'substandard_dwellings':
      return <Dot color={SUBSTANDARD_RAMP[2]} />;
    case 'services':
      return <Dot color={SERVICE_COLORS.local_service_centre} />;
    case 'street_lights':
      return <Dot color={STREET_LIGHT_COLORS.defect} stroke={STREET_LIGHT_COLORS.defectStroke} />;
    case 'social_housing':
      return (
        <Dot
          color={SOCIAL_HOUSING_COLORS.fill}
          stroke={SOCIAL_HOUSING_COLORS.stroke}
          fillOpacity={0.3}
          strokeWidth={2}
        />
      );
  }
}

function Row({ swatch, children }: { swatch: ReactNode; children: ReactNode }) {
  return (
    <li className="layer-legend-row">
      <span className="layer-legend-swatch">{swatch}</span>
      <span>{children}</span>
    </li>
  );
}

function Ramp({ colors }: { colors: readonly string[] }) {
  const { t } = useI18n();
  return (
    <div className="layer-ramp">
      <span className="layer-ramp-label">{t('layers.legend.few')}</span>
      {colors.map((color, index) => (
        <Dot key={color} color={color} size={8 + index * 4} />
      ))}
      <span className="layer-ramp-label">{t('layers.legend.many')}</span>
    </div>
  );
}

/** The same icon the map draws for the type. */
function ServiceIcon({ type }: { type: ServiceTypeCode }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) drawServiceIcon(ref.current, type);
  }, [type]);
  return <canvas ref={ref} className="layer-icon" width={44} height={44} aria-hidden="true" />;
}

function HeatRamp() {
  const { t } = useI18n();
  return (
    <div className="layer-ramp">
      <span className="layer-ramp-label">{t('layers.legend.fewer')}</span>
      <span
        className="heat-ramp"
        style={{ background: `linear-gradient(90deg, ${SIGNAL_RAMP.join(', ')})` }}
        aria-hidden="true"
      />
      <span className="layer-ramp-label">{t('layers.legend.more')}</span>
    </div>
  );
}

function LayerLegend({
  layer,
  signalView,
  minCount,
}: {
  layer: OverlayLayer;
  signalView: LayerPanelProps['signalView'];
  minCount: number;
}) {
  const { t, lang } = useI18n();
  switch (layer) {
    case 'signals':
      // The rate classes come with the extras (they depend on the data).
      if (signalView === 'rate')
        return <p className="layer-legend-note">{t('layers.legend.ratePrivacyNote', { below: minCount - 1 })}</p>;
      return (
        <>
          {signalView === 'heatmap' ? <HeatRamp /> : <Ramp colors={SIGNAL_RAMP} />}
          <p className="layer-legend-note">{t('layers.legend.privacyNote', { min: minCount })}</p>
        </>
      );
    case 'substandard_dwellings':
      return (
        <>
          <Ramp colors={SUBSTANDARD_RAMP} />
          <p className="layer-legend-note">{t('layers.legend.perNeighbourhoodNote', { min: minCount })}</p>
          <p className="layer-legend-note">{t('layers.legend.privacyNote', { min: minCount })}</p>
        </>
      );
    case 'services':
      return (
        <>
          <ul className="layer-legend-rows layer-legend-services">
            {SERVICE_TYPES.map((type) => (
              <Row key={type.code} swatch={<ServiceIcon type={type.code} />}>
                {type[lang]}
              </Row>
            ))}
          </ul>
          <p className="layer-legend-note">{t('layers.legend.grouped')}</p>
        </>
      );
    case 'street_lights':
      return (
        <>
          <ul className="layer-legend-rows">
            <Row
              swatch={
                <Dot
                  color={STREET_LIGHT_COLORS.defect}
                  stroke={STREET_LIGHT_COLORS.defectStroke}
                  size={13}
                  strokeWidth={2}
                />
              }
            >
              {t('layers.legend.defect')}
            </Row>
            <Row swatch={<Dot color={STREET_LIGHT_COLORS.workingLed} stroke="#6b6350" size={8} strokeWidth={0.75} />}>
              {t('layers.legend.working')} (LED)
            </Row>
            <Row swatch={<Dot color={STREET_LIGHT_COLORS.workingOther} stroke="#6b6350" size={8} strokeWidth={0.75} />}>
              {t('layers.legend.workingOther')}
            </Row>
          </ul>
          <p className="layer-legend-note">{t('layers.legend.lightsZoomNote')}</p>
          <p className="layer-legend-note">{t('layers.legend.lightsDensityNote')}</p>
        </>
      );
    case 'social_housing':
      return (
        <div className="layer-ramp">
          {[10, 16, 24].map((size) => (
            <Dot
              key={size}
              color={SOCIAL_HOUSING_COLORS.fill}
              stroke={SOCIAL_HOUSING_COLORS.stroke}
              size={size}
              strokeWidth={2}
              fillOpacity={0.3}
            />
          ))}
          <span className="layer-ramp-label">{t('layers.legend.units')}</span>
        </div>
      );
  }
}
