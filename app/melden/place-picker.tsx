'use client';

import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { useMemo, useState } from 'react';
import { useI18n } from '@/app/_components/i18n-provider';
import { PointMap } from '@/app/_components/point-map';
import styles from '@/app/_components/signal-page.module.css';
import type { ReportingArea } from '@/db/queries/signals';
import type { BBox } from '@/lib/map/area-data';
import type { BasemapOptions } from '@/lib/map/style';

export interface Place {
  lon: number;
  lat: number;
  neighbourhoodCode: string | null;
  source: 'map' | 'list' | 'device';
}

interface PlacePickerProps {
  area: ReportingArea;
  neighbourhoods: FeatureCollection | null;
  basemap: BasemapOptions;
  gridMetres: number;
  place: Place | null;
  onChange: (place: Place) => void;
  error: string | undefined;
}

/**
 * Where the signal is: a click on the map, the device's location, or a neighbourhood from the
 * list (the keyboard way; its point lies inside the neighbourhood). The server moves whatever
 * is chosen to its grid cell, so the exact place is never stored.
 */
export function PlacePicker({ area, neighbourhoods, basemap, gridMetres, place, onChange, error }: PlacePickerProps) {
  const { t } = useI18n();
  const [locating, setLocating] = useState(false);
  const [locationProblem, setLocationProblem] = useState<string | null>(null);
  const bounds = useMemo(() => unionBBox(area.municipalities.map((m) => m.bbox)), [area.municipalities]);
  const byCode = useMemo(() => new Map(area.neighbourhoods.map((n) => [n.code, n])), [area.neighbourhoods]);
  const municipalityNames = useMemo(
    () => new Map(area.municipalities.map((m) => [m.nis, m.name])),
    [area.municipalities],
  );
  const locate = (lon: number, lat: number, source: Place['source']) =>
    onChange({ lon, lat, neighbourhoodCode: neighbourhoodAt(neighbourhoods, lon, lat), source });

  const useDeviceLocation = () => {
    if (!('geolocation' in navigator)) {
      setLocationProblem(t('report.place.locationUnavailable'));
      return;
    }
    setLocating(true);
    setLocationProblem(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        locate(position.coords.longitude, position.coords.latitude, 'device');
      },
      (problem) => {
        setLocating(false);
        setLocationProblem(
          problem.code === problem.PERMISSION_DENIED
            ? t('report.place.locationDenied')
            : t('report.place.locationUnavailable'),
        );
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const chosen = place?.neighbourhoodCode ? byCode.get(place.neighbourhoodCode) : undefined;
  const status = !place
    ? t('report.place.none')
    : chosen
      ? t('report.place.chosen', {
          neighbourhood: chosen.name,
          municipality: municipalityNames.get(chosen.municipalityNis) ?? '',
        })
      : neighbourhoods
        ? t('report.place.outside')
        : t('report.place.chosenOnMap');
  const grouped = area.municipalities.map((m) => ({
    ...m,
    neighbourhoods: area.neighbourhoods.filter((n) => n.municipalityNis === m.nis),
  }));

  return (
    <fieldset className={styles.fieldset} aria-describedby="report-place-status report-place-hint">
      <legend className={styles.legend}>{t('report.place.legend')}</legend>
      <p className={styles.hint} id="report-place-hint">
        {t('report.place.hint', { grid: gridMetres })}
      </p>
      <div className={styles.mapBox}>
        <PointMap
          basemap={basemap}
          bounds={bounds}
          neighbourhoods={neighbourhoods}
          picked={place ? [place.lon, place.lat] : null}
          onPick={(lon, lat) => locate(lon, lat, 'map')}
          label={t('report.place.mapLabel')}
          controlLabels={{ zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') }}
          testId="report-map"
        />
      </div>
      <div className={styles.placeTools}>
        <button
          type="button"
          className="button"
          onClick={useDeviceLocation}
          disabled={locating}
          data-testid="report-use-location"
        >
          {locating ? t('report.place.locating') : t('report.place.useLocation')}
        </button>
        <div className={styles.field}>
          <label htmlFor="report-place-list">{t('report.place.listLabel')}</label>
          <select
            id="report-place-list"
            className="select"
            value={chosen?.code ?? ''}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'report-place-error' : undefined}
            onChange={(event) => {
              const picked = byCode.get(event.target.value);
              if (picked)
                onChange({ lon: picked.lon, lat: picked.lat, neighbourhoodCode: picked.code, source: 'list' });
            }}
          >
            <option value="" disabled>
              {t('report.place.listPlaceholder')}
            </option>
            {grouped.length === 1
              ? grouped[0]!.neighbourhoods.map((n) => (
                  <option key={n.code} value={n.code}>
                    {n.name}
                  </option>
                ))
              : grouped.map((m) => (
                  <optgroup key={m.nis} label={m.name}>
                    {m.neighbourhoods.map((n) => (
                      <option key={n.code} value={n.code}>
                        {n.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
          </select>
        </div>
      </div>
      <p className={styles.placeStatus} id="report-place-status" role="status" data-testid="report-place-status">
        {status}
      </p>
      {locationProblem && <p className={styles.fieldError}>{locationProblem}</p>}
      {error && (
        <p className={styles.fieldError} id="report-place-error" data-testid="error-place">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The code of the (loaded) neighbourhood containing the point, or null. */
function neighbourhoodAt(collection: FeatureCollection | null, lon: number, lat: number): string | null {
  if (!collection) return null;
  for (const feature of collection.features) {
    if (feature.geometry.type !== 'Polygon' && feature.geometry.type !== 'MultiPolygon') continue;
    if (booleanPointInPolygon([lon, lat], feature as Feature<Polygon | MultiPolygon>))
      return String(feature.properties?.code ?? '') || null;
  }
  return null;
}

function unionBBox(boxes: readonly BBox[]): BBox {
  if (boxes.length === 0) return [2.5, 50.7, 5.9, 51.5];
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}
