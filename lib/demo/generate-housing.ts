import { DEMO_DAYS, isoDate, weekday } from './calendar';
import { settlementKind } from './generate-profiles';
import type { NeighbourhoodShape } from './geometry';
import { NAME_WORDS, NameBook } from './place-names';
import { type Rng, clamp, compareText, stream } from './random';
import type {
  DemoMunicipalityInput,
  DemoSocialHousingComplex,
  DemoSubstandardDwelling,
  NeighbourhoodProfile,
} from './types';

/** Social rental units per inhabitant: about 5 % of Flemish households rent socially. */
const UNITS_PER_INHABITANT = 0.022;
/** Substandard-dwelling decisions per 1,000 inhabitants per year (Flemish order of magnitude). */
const SUBSTANDARD_RATE = 0.55;

/** Fictional housing companies, per province (first digit of the NIS code). */
const OPERATORS: Record<string, readonly string[]> = {
  '1': ['Kempisch Tehuis', 'De Ark', 'Woonmaatschappij Netevallei'],
  '3': ['Woonmaatschappij Leiestreek'],
  '7': ['Woonmaatschappij Dommelland'],
};
const DEFAULT_OPERATORS = ['De Ark'];

/**
 * Social housing complexes (8–120 units) where people live, more of them where need is high,
 * until the municipality has about 2.2 units per 100 inhabitants.
 */
export function generateSocialHousing(
  seed: string,
  municipalities: readonly DemoMunicipalityInput[],
  profiles: readonly NeighbourhoodProfile[],
  shapes: ReadonlyMap<string, NeighbourhoodShape>,
): DemoSocialHousingComplex[] {
  const complexes: DemoSocialHousingComplex[] = [];
  for (const municipality of municipalities) {
    const own = profiles.filter((p) => p.municipalityNis === municipality.nis && shapes.has(p.code));
    if (own.length === 0) continue;
    const rng = stream(seed, 'social-housing', municipality.nis);
    const operators = OPERATORS[municipality.nis.charAt(0)] ?? DEFAULT_OPERATORS;
    const operator = rng.pick(operators);
    const names = new NameBook();
    const population = own.reduce((sum, p) => sum + p.population, 0);
    const weight = (p: NeighbourhoodProfile) =>
      settlementKind(shapes.get(p.code)?.name ?? '') === 'industrial' ? 0 : p.population * Math.exp(0.4 * p.need);
    for (let units = 0; units < population * UNITS_PER_INHABITANT;) {
      const profile = rng.weighted(own, weight);
      const shape = shapes.get(profile.code)!;
      const size = Math.round(clamp(rng.logNormal(0.7) * 28, 8, 120));
      units += size;
      complexes.push({
        ...shape.location(shape.settlementPoint(rng, 0.7)),
        name: names.take(rng, (r) => `${r.pick(NAME_WORDS.housingPrefix)} ${r.pick(NAME_WORDS.housing)}`),
        operator: rng.chance(0.15) ? rng.pick(operators) : operator,
        units: size,
      });
    }
  }
  return complexes;
}

const KINDS = { unfit: 62, uninhabitable: 28, overcrowded: 10 } as const;

/** Dwellings declared unfit, uninhabitable or overcrowded; generalised to the 100 m grid. */
export function generateSubstandardDwellings(
  seed: string,
  profiles: readonly NeighbourhoodProfile[],
  shapes: ReadonlyMap<string, NeighbourhoodShape>,
): DemoSubstandardDwelling[] {
  const records: DemoSubstandardDwelling[] = [];
  for (const profile of profiles) {
    const shape = shapes.get(profile.code);
    if (!shape) continue;
    const rng = stream(seed, 'substandard', profile.code);
    const count = rng.poisson(
      (profile.population / 1000) * SUBSTANDARD_RATE * (DEMO_DAYS / 365) * Math.exp(0.5 * profile.need),
    );
    for (let i = 0; i < count; i++) {
      records.push({
        ...shape.location(shape.snapped(rng, (r) => shape.settlementPoint(r))),
        kind: rng.table(KINDS),
        recorded_on: isoDate(workingDay(rng)),
      });
    }
  }
  return records.sort(
    (a, b) => compareText(a.recorded_on, b.recorded_on) || compareText(a.neighbourhood_code, b.neighbourhood_code),
  );
}

/** Decisions are taken on working days. */
function workingDay(rng: Rng): number {
  for (;;) {
    const day = rng.int(0, DEMO_DAYS - 1);
    if (weekday(day) <= 5) return day;
  }
}
