'use client';

import type { MapOptions } from '@/lib/map/map-options';
import { PARTNER_TYPES, SIGNAL_CATEGORIES, SIGNAL_STATUSES } from '@/lib/signals/categories';
import { PARTNER_TYPE_LABELS, SIGNAL_STATUS_LABELS } from '@/lib/signals/labels';
import { useI18n } from './i18n-provider';

type FilterKey = 'categories' | 'statuses' | 'partners';

interface SignalFiltersProps {
  options: Pick<MapOptions, FilterKey>;
  onChange: (key: FilterKey, codes: string[]) => void;
}

/**
 * Which signals count: categories, follow-up statuses and reporting partner types. Nothing
 * ticked in a group means the whole group (the usual reading of an unfiltered list).
 */
export function SignalFilters({ options, onChange }: SignalFiltersProps) {
  const { t, lang } = useI18n();
  const groups: { key: FilterKey; legend: string; items: { code: string; name: string }[] }[] = [
    {
      key: 'categories',
      legend: t('filters.categories'),
      items: SIGNAL_CATEGORIES.map((c) => ({ code: c.code, name: c[lang] })),
    },
    {
      key: 'statuses',
      legend: t('filters.statuses'),
      items: SIGNAL_STATUSES.map((s) => ({ code: s, name: SIGNAL_STATUS_LABELS[s][lang] })),
    },
    {
      key: 'partners',
      legend: t('filters.partners'),
      items: PARTNER_TYPES.map((p) => ({ code: p, name: PARTNER_TYPE_LABELS[p][lang] })),
    },
  ];
  const active = groups.reduce((sum, group) => sum + options[group.key].length, 0);
  return (
    <details className="signal-filters" data-testid="signal-filters" open={active > 0 ? true : undefined}>
      <summary>{active > 0 ? t('filters.signalFiltersActive', { count: active }) : t('filters.signalFilters')}</summary>
      {groups.map((group) => {
        const chosen: readonly string[] = options[group.key];
        return (
          <fieldset key={group.key} className="filter-group" data-testid={`filter-${group.key}`}>
            <legend>{group.legend}</legend>
            <p className="field-hint">
              {chosen.length === 0 ? t('filters.all') : t('filters.chosen', { count: chosen.length })}
            </p>
            {group.items.map((item) => (
              <label key={item.code} className="filter-option">
                <input
                  type="checkbox"
                  value={item.code}
                  checked={chosen.includes(item.code)}
                  onChange={(event) =>
                    onChange(
                      group.key,
                      event.target.checked ? [...chosen, item.code] : chosen.filter((c) => c !== item.code),
                    )
                  }
                />
                {item.name}
              </label>
            ))}
            {chosen.length > 0 && (
              <button type="button" className="link-button" onClick={() => onChange(group.key, [])}>
                {t('filters.reset')}
              </button>
            )}
          </fieldset>
        );
      })}
    </details>
  );
}
