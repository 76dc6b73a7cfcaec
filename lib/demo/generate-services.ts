import { PILOT_MUNICIPALITIES } from '@/lib/areas/codes';
import type { ScheduleSlot } from '@/lib/services/schedule';
import type { ServiceTypeCode } from '@/lib/services/service-types';
import { settlementKind } from './generate-profiles';
import type { NeighbourhoodShape } from './geometry';
import { NAME_WORDS, NameBook, placeLabel } from './place-names';
import { type Rng, clamp, compareText, stream } from './random';
import type { DemoMunicipalityInput, DemoService, NeighbourhoodProfile } from './types';

interface Place {
  shape: NeighbourhoodShape;
  profile: NeighbourhoodProfile;
  label: string;
}

/**
 * Care and welfare services per municipality. Every pilot gets at least one of each of the
 * ten types; GPs and pharmacies follow population (one per ~2,700 and ~2,900 inhabitants,
 * in the populous centres), mobile info points stop in the villages on a weekly round.
 */
export function generateServices(
  seed: string,
  municipalities: readonly DemoMunicipalityInput[],
  profiles: readonly NeighbourhoodProfile[],
  shapes: ReadonlyMap<string, NeighbourhoodShape>,
): DemoService[] {
  const services: DemoService[] = [];
  for (const municipality of municipalities) {
    const places: Place[] = profiles
      .filter((p) => p.municipalityNis === municipality.nis)
      .flatMap((profile) => {
        const shape = shapes.get(profile.code);
        return shape ? [{ shape, profile, label: placeLabel(shape.name, municipality.name) }] : [];
      });
    if (places.length === 0) continue;
    const rng = stream(seed, 'services', municipality.nis);
    const names = new NameBook();
    const population = places.reduce((sum, place) => sum + place.profile.population, 0);
    const isPilot = municipality.nis in PILOT_MUNICIPALITIES;
    const centreWeight = (place: Place) => {
      const kind = settlementKind(place.shape.name);
      return kind === 'industrial' ? 0 : place.profile.population * (kind === 'urban' ? 2 : 1);
    };
    const main = [...places].sort(
      (a, b) => centreWeight(b) - centreWeight(a) || compareText(a.shape.code, b.shape.code),
    )[0]!;

    const add = (type: ServiceTypeCode, place: Place, name: string, schedule: ScheduleSlot[] | null = null) => {
      services.push({
        ...place.shape.location(place.shape.settlementPoint(rng, 0.5)),
        service_type: type,
        name,
        address: null,
        schedule,
      });
    };
    const central = () => rng.weighted(places, centreWeight);
    const word = (list: readonly string[]) => rng.pick(list);

    add(
      'social_house',
      main,
      names.take(rng, () => `Sociaal Huis ${municipality.name}`),
    );
    for (let i = 0; i < Math.max(1, Math.round(population / 15_000)); i++) {
      add(
        'local_service_centre',
        central(),
        names.take(rng, (r) => `LDC ${r.pick(NAME_WORDS.centre)}`),
      );
    }
    for (let i = 0; i < Math.max(1, Math.round(population / 2_700)); i++) {
      const place = central();
      add(
        'gp',
        place,
        names.take(rng, (r) =>
          r.pick([
            `Huisartsenpraktijk ${place.label}`,
            `Groepspraktijk ${place.label}`,
            `Huisartsenpraktijk De ${word(NAME_WORDS.tree)}`,
            `Medisch Centrum ${place.label}`,
          ]),
        ),
      );
    }
    for (let i = 0; i < Math.max(1, Math.round(population / 2_900)); i++) {
      const place = central();
      add(
        'pharmacy',
        place,
        names.take(rng, (r) =>
          r.pick([
            `Apotheek ${place.label}`,
            `Apotheek De ${word(NAME_WORDS.tree)}`,
            `Apotheek ${word(NAME_WORDS.saint)}`,
          ]),
        ),
      );
    }
    for (let i = 0; i < Math.max(1, Math.round(population / 12_000)); i++) {
      const place = central();
      add(
        'home_nursing',
        place,
        names.take(rng, (r) =>
          r.pick([
            `Thuisverpleging ${place.label}`,
            `Thuiszorgteam ${municipality.name}`,
            `Verpleegpraktijk De ${word(NAME_WORDS.tree)}`,
          ]),
        ),
      );
    }
    for (let i = 0; i < Math.max(1, Math.round(population / 9_000)); i++) {
      add(
        'residential_care',
        central(),
        names.take(rng, (r) => `WZC ${r.pick([...NAME_WORDS.saint, ...NAME_WORDS.heath])}`),
      );
    }
    if (isPilot || population >= 25_000)
      add(
        'caw',
        main,
        names.take(rng, () => `CAW-onthaal ${municipality.name}`),
      );
    const houses = isPilot ? clamp(Math.round(population / 10_000), 1, 3) : rng.chance(0.5) ? 1 : 0;
    for (let i = 0; i < houses; i++) {
      const place = central();
      add(
        'neighbourhood_house',
        place,
        names.take(rng, (r) => r.pick([`Buurthuis ${place.label}`, `Ontmoetingshuis ${place.label}`])),
      );
    }
    if (isPilot || population >= 20_000) {
      add(
        'social_grocery',
        central(),
        names.take(rng, (r) => `Sociale kruidenier ${r.pick(NAME_WORDS.grocery)}`),
      );
    }
    addMobileStops(rng, places, main, isPilot, (place, slots) =>
      add(
        'mobile_stop',
        place,
        names.take(rng, () => `Zorgbus halte ${place.label}`),
        slots,
      ),
    );
  }
  return services;
}

const MORNING = { start: '09:00', end: '11:30' };
const AFTERNOON = { start: '13:30', end: '16:00' };

/**
 * One mobile unit per municipality tours its villages: two stops a day (morning, afternoon)
 * from a fixed weekday on, and the first stop sometimes again on Saturday morning.
 */
function addMobileStops(
  rng: Rng,
  places: readonly Place[],
  main: Place,
  isPilot: boolean,
  add: (place: Place, slots: ScheduleSlot[]) => void,
) {
  const villages = rng
    .shuffle(
      places.filter((p) => p !== main && settlementKind(p.shape.name) !== 'industrial' && p.profile.population > 0),
    )
    .sort((a, b) => villageRank(b) - villageRank(a));
  const wanted = isPilot ? clamp(villages.length, 1, 5) : rng.int(0, 2);
  const stops =
    villages.length > 0
      ? Array.from({ length: wanted }, (_, i) => villages[i % villages.length]!)
      : wanted > 0
        ? [main]
        : [];
  const firstDay = rng.int(1, 5);
  stops.forEach((place, i) => {
    const weekday = (((firstDay - 1 + Math.floor(i / 2)) % 5) + 1) as ScheduleSlot['weekday'];
    const slots: ScheduleSlot[] = [{ weekday, ...(i % 2 === 0 ? MORNING : AFTERNOON) }];
    // The unit can be in one place at a time: only the first stop gets the Saturday round.
    if (i === 0 && rng.chance(0.5)) slots.push({ weekday: 6, start: '10:00', end: '12:00' });
    add(place, slots);
  });
}

const villageRank = (place: Place) =>
  ({ rural: 3, mixed: 2, urban: 1, industrial: 0 })[settlementKind(place.shape.name)];
