import type { Translate } from '@/lib/i18n/translate';
import type { OverlayKind, OverlayLayer } from '@/lib/map/overlay-layers';
import { SERVICE_COLORS } from '@/lib/map/overlay-layers';
import { formatSchedule, scheduleSchema } from '@/lib/services/schedule';
import { SERVICE_TYPES } from '@/lib/services/service-types';
import { SIGNAL_CATEGORIES, SIGNAL_STATUSES } from '@/lib/signals/categories';
import { SIGNAL_STATUS_LABELS } from '@/lib/signals/labels';

/** A clicked overlay feature: which overlay, cell or point, and its MVT attributes. */
export interface OverlayHit {
  layer: OverlayLayer;
  kind: OverlayKind;
  /** The record's database id (the MVT feature id of a point). */
  id?: number;
  properties: Record<string, unknown>;
}

export interface PopupText {
  t: Translate;
  lang: 'nl' | 'en';
  locale: string;
}

/**
 * The popup body for a clicked feature, built as DOM nodes with textContent only: names come
 * from data (and so from whoever entered it), and must never be parsed as HTML.
 */
export function buildOverlayPopup(hit: OverlayHit, text: PopupText): HTMLElement {
  const { t } = text;
  const p = hit.properties;
  const number = (value: unknown) => new Intl.NumberFormat(text.locale).format(Number(value) || 0);
  const root = element('div', 'overlay-popup');
  root.dataset.testid = 'overlay-popup';

  if (hit.kind === 'areas') {
    const message =
      hit.layer === 'street_lights'
        ? t('popup.lightsArea', {
            count: number(p.streetLights),
            density: new Intl.NumberFormat(text.locale, { maximumFractionDigits: 1 }).format(
              Number(p.lightDensity) || 0,
            ),
            defects: number(p.defects),
          })
        : t('popup.dwellingsArea', { count: number(p.substandard) });
    root.append(element('p', 'overlay-popup-title', message));
    return root;
  }

  if (hit.kind === 'cells') {
    const count = number(p.count);
    const message = {
      signals: () => t('popup.signalsCell', { count }),
      substandard_dwellings: () => t('popup.substandardCell', { count }),
      services: () => t('popup.servicesCell', { count }),
      social_housing: () => t('popup.socialHousingCell', { count, units: number(p.units) }),
      street_lights: () => t('popup.streetLightsCell', { count, defects: number(p.defects) }),
    }[hit.layer]();
    root.append(element('p', 'overlay-popup-title', message));
    return root;
  }

  switch (hit.layer) {
    case 'services': {
      const type = SERVICE_TYPES.find((entry) => entry.code === p.service_type);
      root.append(element('p', 'overlay-popup-title', String(p.name ?? '')));
      const kind = element('p', 'overlay-popup-kind');
      const dot = element('span', 'overlay-popup-dot');
      dot.style.background = type ? SERVICE_COLORS[type.code] : 'transparent';
      kind.append(dot, document.createTextNode(type ? type[text.lang] : String(p.service_type ?? '')));
      root.append(kind);
      if (p.service_type === 'mobile_stop' && hit.id !== undefined) root.append(scheduleSection(hit.id, text));
      break;
    }
    case 'social_housing':
      root.append(element('p', 'overlay-popup-title', String(p.name ?? t('layers.name.social_housing'))));
      root.append(
        facts([
          [t('popup.operator'), String(p.operator ?? '')],
          [t('popup.units'), number(p.units)],
        ]),
      );
      break;
    case 'street_lights':
      root.append(element('p', 'overlay-popup-title', t('popup.streetLight')));
      root.append(
        facts([
          [t('popup.status'), p.status === 'defect' ? t('popup.status.defect') : t('popup.status.working')],
          [t('popup.lampType'), p.lamp_type === 'led' ? t('popup.lamp.led') : t('popup.lamp.other')],
        ]),
      );
      break;
    case 'signals': {
      // A generalised point: what, and how far it is followed up; the details are one click on.
      const category = SIGNAL_CATEGORIES.find((entry) => entry.code === p.category);
      const status = SIGNAL_STATUSES.find((code) => code === p.status);
      root.append(element('p', 'overlay-popup-title', category ? category[text.lang] : String(p.category ?? '')));
      root.append(
        facts([[t('popup.signalStatus'), status ? SIGNAL_STATUS_LABELS[status][text.lang] : String(p.status ?? '')]]),
      );
      if (hit.id !== undefined) {
        const link = element('a', 'overlay-popup-link', t('popup.openSignal', { id: hit.id })) as HTMLAnchorElement;
        link.href = `/meldingen/${hit.id}`;
        root.append(link);
      }
      root.append(element('p', 'overlay-popup-note', t('popup.signalGeneralised')));
      break;
    }
    default:
      // Substandard dwellings have no points (privacy): nothing more to say.
      break;
  }
  if (p.demo === true) root.append(element('p', 'overlay-popup-demo', t('popup.demo')));
  return root;
}

/**
 * A mobile stop's weekly times. Tiles carry only what the map draws, so the schedule is fetched
 * when the popup opens and filled in when it arrives.
 */
function scheduleSection(id: number, { t, locale }: PopupText): HTMLElement {
  const section = element('div', 'overlay-popup-schedule');
  section.dataset.testid = 'overlay-popup-schedule';
  section.append(element('p', 'overlay-popup-label', t('popup.schedule')));
  const list = element('ul', 'overlay-popup-times');
  section.append(list);
  fetch(`/api/services/${id}`)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
    .then((service: { schedule?: unknown }) => {
      const slots = scheduleSchema.safeParse(service.schedule);
      const lines = slots.success ? formatSchedule(slots.data, locale) : [];
      if (lines.length === 0) throw new Error('no schedule');
      list.append(...lines.map((line) => element('li', 'overlay-popup-time', line)));
    })
    .catch(() => list.append(element('li', 'overlay-popup-time', t('popup.scheduleUnavailable'))));
  return section;
}

function element(tag: string, className: string, textContent?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (textContent !== undefined) node.textContent = textContent;
  return node;
}

function facts(rows: [string, string][]): HTMLElement {
  const list = element('dl', 'overlay-popup-facts');
  for (const [term, value] of rows) list.append(element('dt', '', term), element('dd', '', value));
  return list;
}
