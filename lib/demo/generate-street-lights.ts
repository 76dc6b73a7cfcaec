import { PILOT_MUNICIPALITIES } from '@/lib/areas/codes';
import type { NeighbourhoodShape } from './geometry';
import { toLambert72 } from '@/lib/geo/lambert72';
import { stream } from './random';
import type { DemoStreetLight, NeighbourhoodProfile } from './types';

/**
 * Street lights along generated streets: each street starts in a settlement, wanders in
 * 80–200 m straight stretches and has a lamp every 28–42 m, alternating sides. A street is
 * renovated as a whole, so its lamps share one type (the municipality's LED share decides
 * how many streets are LED). Pilots get the full network, elsewhere only the main roads.
 */
export function generateStreetLights(
  seed: string,
  profiles: readonly NeighbourhoodProfile[],
  shapes: ReadonlyMap<string, NeighbourhoodShape>,
): DemoStreetLight[] {
  const lights: DemoStreetLight[] = [];
  const ledShare = new Map<string, number>();
  for (const profile of profiles) {
    const shape = shapes.get(profile.code);
    if (!shape) continue;
    const isPilot = profile.municipalityNis in PILOT_MUNICIPALITIES;
    if (!ledShare.has(profile.municipalityNis)) {
      ledShare.set(profile.municipalityNis, stream(seed, 'led-share', profile.municipalityNis).uniform(0.45, 0.75));
    }
    const share = ledShare.get(profile.municipalityNis) ?? 0.6;
    const rng = stream(seed, 'street-lights', profile.code);
    const km2 = shape.areaM2 / 1e6;
    const target = Math.round(isPilot ? profile.population / 14 + km2 * 10 : profile.population / 60 + km2 * 2);

    let placed = 0;
    for (let street = 0; placed < target && street < target + 50; street++) {
      const [startX, startY] = toLambert72(...shape.settlementPoint(rng));
      const led = rng.chance(share);
      const length = rng.uniform(250, 1400);
      const spacing = rng.uniform(28, 42);
      let bearing = rng.uniform(0, 2 * Math.PI);
      let stretch = rng.uniform(80, 200);
      let [x, y] = [startX, startY];
      for (let walked = 0, side = 1; walked < length && placed < target; walked += spacing, side = -side) {
        // Lamps stand about 6 m beside the road's centre line.
        const point = shape.fromMetric(x + side * 6 * Math.cos(bearing), y - side * 6 * Math.sin(bearing));
        if (!point) break; // the street leaves the neighbourhood
        placed++;
        const defect = rng.chance(profile.defectRate * (led ? 0.5 : 1.75));
        lights.push({
          ...shape.location(point),
          external_id: `DEMO-${profile.code}-${String(placed).padStart(4, '0')}`,
          status: defect ? 'defect' : 'working',
          lamp_type: led ? 'led' : 'other',
        });
        x += spacing * Math.sin(bearing);
        y += spacing * Math.cos(bearing);
        stretch -= spacing;
        if (stretch <= 0) {
          bearing += rng.normal(0, 0.35);
          stretch = rng.uniform(80, 200);
        }
      }
    }
  }
  return lights;
}
