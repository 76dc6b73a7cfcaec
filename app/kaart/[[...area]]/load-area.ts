import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { findMunicipality, findRegion } from '@/db/queries/areas';
import { getDb } from '@/db/server';
import { KEMPEN_REGION_CODE } from '@/lib/areas/codes';
import type { MunicipalitySummary, RegionSummary } from '@/lib/map/area-data';
import { MAP_BASE_PATH, parseAreaSegments } from '@/lib/map/map-url';

export interface MapArea {
  region: RegionSummary;
  municipality?: MunicipalitySummary;
}

/** Once per request, however many of layout, page and metadata ask. */
const loadArea = cache(async (path: string): Promise<MapArea> => {
  const segments = path === '' ? [] : path.split('/');
  if (segments.length === 0) redirect(`${MAP_BASE_PATH}/${KEMPEN_REGION_CODE}`);
  const parsed = parseAreaSegments(segments);
  if (!parsed) notFound();
  const db = await getDb();
  const [region, municipality] = await Promise.all([
    findRegion(db, parsed.regionCode),
    parsed.municipalityNis ? findMunicipality(db, parsed.municipalityNis) : Promise.resolve(undefined),
  ]);
  if (!region) notFound();
  if (parsed.municipalityNis && (!municipality || municipality.regionCode !== region.code)) notFound();
  return municipality ? { region, municipality } : { region };
});

/**
 * The region and municipality named by /kaart/<region>[/<municipality>]. Calls notFound() for
 * a malformed or unknown code (or a municipality outside the region), and redirects bare /kaart.
 */
export function resolveMapArea(segments: readonly string[] | undefined): Promise<MapArea> {
  return loadArea((segments ?? []).join('/'));
}
