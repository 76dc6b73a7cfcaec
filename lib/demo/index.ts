import { KEMPEN_REGION_CODE, PILOT_MUNICIPALITIES } from '@/lib/areas/codes';
import { generateSocialHousing, generateSubstandardDwellings } from './generate-housing';
import { generateIndicators } from './generate-indicators';
import { buildProfiles } from './generate-profiles';
import { generateServices } from './generate-services';
import { generateSignals } from './generate-signals';
import { generateStreetLights } from './generate-street-lights';
import { NeighbourhoodShape } from './geometry';
import { compareText, stream } from './random';
import type { DemoDataset, DemoInput } from './types';

export type * from './types';
export { DEMO_FIRST_DAY, DEMO_LAST_DAY } from './calendar';
export { DEMO_INDICATOR_PERIOD, DEMO_INDICATOR_SOURCE } from './generate-indicators';

/** The seed of the shipped demo; change it (or the generator) and the demo version changes. */
export const DEMO_SEED = 'buurtradar-demo-v1';

/** The demo covers region Kempen and the pilot municipalities outside it. */
export const DEMO_REGION_CODES: readonly string[] = [KEMPEN_REGION_CODE];
export const DEMO_PILOT_NIS: readonly string[] = Object.keys(PILOT_MUNICIPALITIES);

export function isDemoMunicipality(municipality: { nis: string; region_code: string }): boolean {
  return DEMO_PILOT_NIS.includes(municipality.nis) || DEMO_REGION_CODES.includes(municipality.region_code);
}

/**
 * Generates the whole demo dataset for the given municipalities and neighbourhoods. Pure and
 * deterministic: the same input and seed give identical records, whatever order the input
 * arrives in. Every indicator is an estimate; no record carries personal content.
 */
export function generateDemoDataset(input: DemoInput, seed: string = DEMO_SEED): DemoDataset {
  const municipalities = [...input.municipalities].sort((a, b) => compareText(a.nis, b.nis));
  const known = new Set(municipalities.map((m) => m.nis));
  const shapeList = input.neighbourhoods
    .filter((n) => known.has(n.municipality_nis))
    .sort((a, b) => compareText(a.code, b.code))
    .map((n) => new NeighbourhoodShape(n));
  for (const shape of shapeList) shape.placeSettlements(stream(seed, 'settlements', shape.code));
  const shapes = new Map(shapeList.map((shape) => [shape.code, shape]));

  const profiles = buildProfiles(seed, municipalities, shapeList);
  return {
    seed,
    hotspots: profiles.filter((p) => p.hotspotFactor > 1).map((p) => p.code),
    profiles,
    signals: generateSignals(seed, profiles, shapes),
    services: generateServices(seed, municipalities, profiles, shapes),
    streetLights: generateStreetLights(seed, profiles, shapes),
    socialHousing: generateSocialHousing(seed, municipalities, profiles, shapes),
    substandardDwellings: generateSubstandardDwellings(seed, profiles, shapes),
    indicators: generateIndicators(seed, profiles),
  };
}
