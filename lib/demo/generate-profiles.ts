import { PILOT_MUNICIPALITIES } from '@/lib/areas/codes';
import type { SignalCategoryCode } from '@/lib/signals/categories';
import type { NeighbourhoodShape } from './geometry';
import { stream } from './random';
import type { DemoMunicipalityInput, NeighbourhoodProfile } from './types';

/**
 * Neighbourhoods that get a deliberately raised signal rate, one per listed municipality, each
 * with the problems it is "known for". The map must show clear concentrations, and the pilots
 * (Balen and Ravels first) need their own to tell a story with.
 */
const HOTSPOT_PLAN: readonly { nis: string; categories: readonly SignalCategoryCode[] }[] = [
  { nis: '13003', categories: ['loneliness', 'care_need_alone'] }, // Balen
  { nis: '13035', categories: ['unsafe_street', 'poor_housing'] }, // Ravels
  { nis: '12014', categories: ['financial_hardship', 'rights_not_taken_up'] }, // Heist-op-den-Berg
  { nis: '13040', categories: ['financial_hardship', 'poor_housing'] }, // Turnhout
  { nis: '72043', categories: ['mental_wellbeing', 'self_neglect'] }, // Pelt
];

/** Municipalities with one extra neighbourhood whose street lighting is poorly maintained. */
const NEGLECTED_LIGHTING_NIS = ['13003', '72043', '12014'];

const INDUSTRIAL = /industrie|kmo|bedrijven/i;
const URBAN = /centrum|kern|stedelijk|station|statie/i;
const RURAL = /buitengebied|landelijk/i;

export type Settlement = 'industrial' | 'urban' | 'rural' | 'mixed';

export function settlementKind(name: string): Settlement {
  if (INDUSTRIAL.test(name)) return 'industrial';
  if (URBAN.test(name)) return 'urban';
  if (RURAL.test(name)) return 'rural';
  return 'mixed';
}

const POPULATION_WEIGHT: Record<Settlement, number> = { industrial: 0.08, urban: 1.6, rural: 0.6, mixed: 1 };

/**
 * Estimates each neighbourhood's population and latent need. Statbel publishes no population
 * per neighbourhood in our data, so the municipality's population_2020 is split over its
 * neighbourhoods in proportion to √area × a settlement factor × noise, by largest remainders
 * so the estimates add up exactly to the real total.
 */
export function buildProfiles(
  seed: string,
  municipalities: readonly DemoMunicipalityInput[],
  shapes: readonly NeighbourhoodShape[],
): NeighbourhoodProfile[] {
  const profiles: NeighbourhoodProfile[] = [];
  for (const municipality of municipalities) {
    const own = shapes.filter((shape) => shape.municipalityNis === municipality.nis);
    if (own.length === 0) continue;
    const rng = stream(seed, 'profiles', municipality.nis);
    const weights = own.map(
      (shape) => Math.sqrt(shape.areaM2) * POPULATION_WEIGHT[settlementKind(shape.name)] * rng.logNormal(0.3),
    );
    // No population known: assume a typical Kempen density of 350 inhabitants per km².
    const total =
      municipality.population_2020 ?? Math.round(own.reduce((sum, shape) => sum + shape.areaM2, 0) * 350e-6);
    const populations = apportion(total, weights);

    const municipalityNeed = rng.normal(0, 0.4);
    own.forEach((shape, index) => {
      const kind = settlementKind(shape.name);
      const need = municipalityNeed + rng.normal(0, 0.75) + (kind === 'urban' ? 0.3 : kind === 'rural' ? -0.2 : 0);
      profiles.push({
        code: shape.code,
        municipalityNis: municipality.nis,
        population: populations[index] ?? 0,
        need,
        ageing: 0.4 * need + rng.normal(0, 0.8) + (kind === 'rural' ? 0.3 : 0),
        isPilot: municipality.nis in PILOT_MUNICIPALITIES,
        hotspotFactor: 1,
        hotspotCategories: [],
        defectRate: rng.uniform(0.015, 0.035),
      });
    });
  }
  markHotspots(seed, profiles, shapes);
  return profiles;
}

function markHotspots(seed: string, profiles: NeighbourhoodProfile[], shapes: readonly NeighbourhoodShape[]): void {
  const kindOf = new Map(shapes.map((shape) => [shape.code, settlementKind(shape.name)]));
  const candidatesIn = (nis: string, exclude: (p: NeighbourhoodProfile) => boolean) => {
    const own = profiles.filter((p) => p.municipalityNis === nis && kindOf.get(p.code) !== 'industrial' && !exclude(p));
    const sorted = own.map((p) => p.population).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    // Populous enough that a rate per 1,000 inhabitants means something.
    return own.filter((p) => p.population >= median && p.population >= 500);
  };

  for (const plan of HOTSPOT_PLAN) {
    const candidates = candidatesIn(plan.nis, () => false);
    if (candidates.length === 0) continue;
    const rng = stream(seed, 'hotspot', plan.nis);
    const hotspot = rng.weighted(candidates, (p) => p.population);
    hotspot.hotspotFactor = rng.uniform(3.5, 4.5);
    hotspot.hotspotCategories = plan.categories;
    // Higher need shows in every indicator; the hotspots are where the need is.
    hotspot.need += 1.8;
    hotspot.ageing += 0.7;
    if (plan.nis === '13035') hotspot.defectRate = rng.uniform(0.1, 0.14);
  }
  for (const nis of NEGLECTED_LIGHTING_NIS) {
    const candidates = candidatesIn(nis, (p) => p.hotspotFactor > 1);
    if (candidates.length === 0) continue;
    const rng = stream(seed, 'neglected-lighting', nis);
    rng.pick(candidates).defectRate = rng.uniform(0.1, 0.14);
  }
}

/** Splits `total` into integers proportional to `weights` (largest remainder method). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (!(sum > 0))
    return apportion(
      total,
      weights.map(() => 1),
    );
  const exact = weights.map((w) => (total * w) / sum);
  const result = exact.map(Math.floor);
  let left = total - result.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    result[index] = (result[index] ?? 0) + 1;
    left--;
  }
  return result;
}
