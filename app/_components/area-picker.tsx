'use client';

import { useId } from 'react';
import type { MunicipalitySummary, RegionSummary } from '@/lib/map/area-data';
import { useI18n } from './i18n-provider';

export interface NeighbourhoodOption {
  code: string;
  name: string;
  municipalityNis: string;
  municipalityName: string;
}

interface AreaPickerProps {
  regions: RegionSummary[];
  regionCode: string;
  municipalities: MunicipalitySummary[];
  municipalityNis: string | undefined;
  neighbourhoods: NeighbourhoodOption[];
  neighbourhoodCode: string | undefined;
  onRegionChange: (code: string) => void;
  onMunicipalityChange: (nis: string | undefined) => void;
  onNeighbourhoodChange: (code: string | undefined) => void;
}

/**
 * Region → municipality → neighbourhood as three labelled native selects: keyboard and screen
 * reader friendly for free, and the way to reach every neighbourhood without a mouse.
 */
export function AreaPicker(props: AreaPickerProps) {
  const { t } = useI18n();
  const id = useId();
  const inMunicipality = props.municipalityNis
    ? props.neighbourhoods.filter((n) => n.municipalityNis === props.municipalityNis)
    : null;

  return (
    <div className="field-stack">
      <div className="field">
        <label htmlFor={`${id}-region`}>{t('map.regionLabel')}</label>
        <select
          id={`${id}-region`}
          className="select"
          data-testid="region-select"
          value={props.regionCode}
          onChange={(event) => props.onRegionChange(event.target.value)}
        >
          {props.regions.map((region) => (
            <option key={region.code} value={region.code}>
              {region.name}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor={`${id}-municipality`}>{t('map.municipalityLabel')}</label>
        <select
          id={`${id}-municipality`}
          className="select"
          data-testid="municipality-select"
          value={props.municipalityNis ?? ''}
          onChange={(event) => props.onMunicipalityChange(event.target.value || undefined)}
        >
          <option value="">{t('map.allMunicipalities')}</option>
          {props.municipalities.map((municipality) => (
            <option key={municipality.nis} value={municipality.nis}>
              {municipality.name}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor={`${id}-neighbourhood`}>{t('map.neighbourhoodLabel')}</label>
        <select
          id={`${id}-neighbourhood`}
          className="select"
          data-testid="neighbourhood-select"
          value={props.neighbourhoodCode ?? ''}
          disabled={props.neighbourhoods.length === 0}
          onChange={(event) => props.onNeighbourhoodChange(event.target.value || undefined)}
        >
          <option value="">{t('map.chooseNeighbourhood')}</option>
          {inMunicipality
            ? inMunicipality.map((n) => (
                <option key={n.code} value={n.code}>
                  {n.name}
                </option>
              ))
            : groupByMunicipality(props.neighbourhoods).map(([name, options]) => (
                <optgroup key={name} label={name}>
                  {options.map((n) => (
                    <option key={n.code} value={n.code}>
                      {n.name}
                    </option>
                  ))}
                </optgroup>
              ))}
        </select>
      </div>
    </div>
  );
}

/** With no municipality chosen, the region's neighbourhoods grouped under their municipality. */
function groupByMunicipality(options: NeighbourhoodOption[]): [string, NeighbourhoodOption[]][] {
  const groups = new Map<string, NeighbourhoodOption[]>();
  for (const option of options) {
    const group = groups.get(option.municipalityName);
    if (group) group.push(option);
    else groups.set(option.municipalityName, [option]);
  }
  return [...groups.entries()];
}
