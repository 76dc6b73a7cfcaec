import { describe, expect, it } from 'vitest';
import { computeAccess, highNeedRankCutoff, type AccessArea, type ServiceLocation } from '@/lib/analysis/access';
import { fromLambert72 } from '@/lib/geo/lambert72';

/*
 * Everything laid out in Lambert 72 metres from an origin in Kempen, so distances are plain
 * Pythagoras:
 *   N1: 300 people at (0, 0) and 100 at (1500, 0)
 *   N2: 200 people at (5000, 0)
 *   N3: 50 people at (0, 3000)
 *   GPs at (400, 0) and (5000, 600); a pharmacy at (0, 2000); a mobile stop at (5300, 400).
 * Limit 1,000 m (default), poor access when ≥ 50 % is beyond it (default).
 */
const ORIGIN = [200_000, 210_000] as const;
const at = (dx: number, dy: number) => {
  const [lon, lat] = fromLambert72(ORIGIN[0] + dx, ORIGIN[1] + dy);
  return { lon, lat };
};
const AREAS: AccessArea[] = [
  {
    code: 'N1',
    points: [
      { ...at(0, 0), weight: 300 },
      { ...at(1500, 0), weight: 100 },
    ],
  },
  { code: 'N2', points: [{ ...at(5000, 0), weight: 200 }] },
  { code: 'N3', points: [{ ...at(0, 3000), weight: 50 }] },
];
const SERVICES: ServiceLocation[] = [
  { type: 'gp', ...at(400, 0) },
  { type: 'gp', ...at(5000, 600) },
  { type: 'pharmacy', ...at(0, 2000) },
  { type: 'mobile_stop', ...at(5300, 400) },
];
// Ten ranked areas (only three are measured here): the top quintile is ranks 1 and 2.
const RANKS = { N1: 1, N2: 2, N3: null, X3: 3, X4: 4, X5: 5, X6: 6, X7: 7, X8: 8, X9: 9, X10: 10 };

describe('access to services', () => {
  const result = computeAccess(AREAS, SERVICES, RANKS);
  const byCode = Object.fromEntries(result.map((a) => [a.code, a]));

  it('measures population-weighted distances to the nearest service of each type', () => {
    const n1 = byCode.N1!;
    expect(n1.population).toBe(400);
    // GP: (0,0) → (400,0) = 400; (1500,0) → (400,0) = 1100. Mean (300·400 + 100·1100)/400 = 575.
    expect(n1.byType.gp!.meanDistanceMetres).toBeCloseTo(575, 1);
    expect(n1.byType.gp!.farthestMetres).toBeCloseTo(1100, 1);
    // 100 of 400 beyond 1,000 m → 0.25 < 0.5: not poor.
    expect(n1.byType.gp).toMatchObject({ shareBeyond: 0.25, poorAccess: false });
    // Pharmacy: 2000 and √(1500² + 2000²) = 2500 → mean (600000 + 250000)/400 = 2125; all beyond.
    expect(n1.byType.pharmacy!.meanDistanceMetres).toBeCloseTo(2125, 1);
    expect(n1.byType.pharmacy).toMatchObject({ shareBeyond: 1, poorAccess: true });
    // Mobile stop: √(5300² + 400²) = 5315.07 and √(3800² + 400²) = 3820.99 → mean 4941.55.
    expect(n1.byType.mobile_stop!.meanDistanceMetres).toBeCloseTo(4941.55, 1);
    // N2's nearest GP is (5000, 600), 600 m, not (400, 0): the search looks both ways.
    expect(byCode.N2!.byType.gp!.meanDistanceMetres).toBeCloseTo(600, 1);
    expect(byCode.N2!.byType.mobile_stop!.meanDistanceMetres).toBeCloseTo(500, 1); // √(300² + 400²)
  });

  it('counts the population farther than the limit as beyond it', () => {
    // N3 at (0, 3000) is 1,000 m from the pharmacy at (0, 2000) (to a millimetre, after projecting).
    expect(byCode.N3!.byType.pharmacy!.meanDistanceMetres).toBeCloseTo(1000, 2);
    const share = (limit: number) =>
      computeAccess([AREAS[2]!], SERVICES, RANKS, { distanceLimitMetres: limit })[0]!.byType.pharmacy!.shareBeyond;
    expect(share(1000.01)).toBe(0);
    expect(share(999.99)).toBe(1);
  });

  it('flags high need (top quintile) with poor access to at least one type', () => {
    expect(byCode.N1).toMatchObject({ highNeed: true, poorAccessTypes: ['mobile_stop', 'pharmacy'], flagged: true });
    expect(byCode.N2).toMatchObject({ highNeed: true, poorAccessTypes: ['pharmacy'], flagged: true });
    // N3 is far from a GP (√(400² + 3000²) = 3026.55 m) and from the mobile stop
    // (√(5300² + 2600²) = 5903.4 m), but it is not ranked: no flag.
    expect(byCode.N3).toMatchObject({ highNeed: false, poorAccessTypes: ['gp', 'mobile_stop'], flagged: false });
    expect(byCode.N3!.byType.gp!.meanDistanceMetres).toBeCloseTo(3026.55, 1);
  });

  it('flags only on the chosen types, with per-type limits and a type without any service', () => {
    const chosen = computeAccess(AREAS, SERVICES, RANKS, {
      types: ['gp', 'pharmacy', 'mobile_stop', 'caw'],
      flagTypes: ['gp', 'mobile_stop'],
      distanceLimitMetres: { pharmacy: 3000 },
    });
    const n1 = chosen.find((a) => a.code === 'N1')!;
    const n2 = chosen.find((a) => a.code === 'N2')!;
    expect(n1.byType.pharmacy!.shareBeyond).toBe(0); // 2000 and 2500 are within 3000
    expect(n1.byType.caw).toEqual({ meanDistanceMetres: null, farthestMetres: null, shareBeyond: 1, poorAccess: true });
    expect(n1).toMatchObject({ poorAccessTypes: ['mobile_stop'], flagged: true });
    expect(n2).toMatchObject({ poorAccessTypes: [], flagged: false }); // only its pharmacy access was poor
  });

  it('puts at least one area in the top share, and rounds the share up', () => {
    expect(highNeedRankCutoff({ a: 1, b: 2, c: 3 }, 0.2)).toBe(1); // 0.6 → 1
    expect(highNeedRankCutoff(RANKS, 0.2)).toBe(2); // 10 ranked → 2
    expect(highNeedRankCutoff({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }, 0.2)).toBe(2); // 1.2 → 2
    expect(highNeedRankCutoff({ a: null }, 0.2)).toBe(0);
  });
});
