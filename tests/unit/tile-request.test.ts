import { describe, expect, it } from 'vitest';
import {
  LAYER_RULES,
  MAX_TILE_BYTES,
  TILE_EXTENT,
  planTile,
  unitsPerMeter,
  worstTileBytes,
} from '@/lib/tiles/aggregation';
import { TILE_LAYERS } from '@/lib/tiles/layers';
import { parseTileRequest } from '@/lib/tiles/tile-request';

/** Parses `/layer/z/x/y?query` as the route receives it. */
function parse(path: string) {
  const url = new URL(path, 'http://localhost');
  const [layer = '', z = '', x = '', y = ''] = url.pathname.split('/').slice(1);
  return parseTileRequest({ layer, z, x, y }, url.searchParams);
}
const errorOf = (path: string) => {
  const result = parse(path);
  if (result.ok) throw new Error(`${path} was accepted`);
  return result.error;
};

describe('tile coordinates', () => {
  it('accepts y with .pbf, .mvt or no extension', () => {
    for (const y of ['1368.pbf', '1368.mvt', '1368']) {
      expect(parse(`/services/12/2106/${y}`)).toMatchObject({
        ok: true,
        value: { layer: 'services', z: 12, x: 2106, y: 1368 },
      });
    }
  });

  it('accepts the corners of the grid and z 0', () => {
    expect(parse('/services/0/0/0.pbf').ok).toBe(true);
    expect(parse('/services/22/4194303/4194303.pbf').ok).toBe(true);
  });

  it('rejects zooms outside 0..22 and non-integers, naming z', () => {
    for (const z of ['23', '-1', '1.5', 'a', '', '012', '1e1'])
      expect(errorOf(`/services/${z}/0/0.pbf`)).toMatch(/z must be an integer from 0 to 22/);
  });

  it('rejects x and y outside 0..2^z − 1, naming which one and the range', () => {
    expect(errorOf('/services/12/4096/0.pbf')).toMatch(/x must be an integer from 0 to 4095 at z 12/);
    expect(errorOf('/services/12/0/4096.pbf')).toMatch(/y must be an integer from 0 to 4095 at z 12/);
    expect(errorOf('/services/0/0/1.pbf')).toMatch(/y must be an integer from 0 to 0/);
    expect(errorOf('/services/3/-1/0.pbf')).toMatch(/x must be/);
    expect(errorOf('/services/3/0/2.png')).toMatch(/y must be/);
  });

  it('rejects unknown layers, listing the known ones', () => {
    const error = errorOf('/people/12/0/0.pbf');
    expect(error).toContain('Unknown layer "people"');
    for (const layer of TILE_LAYERS) expect(error).toContain(layer);
  });

  it('serves layers about people only down to their deepest zoom', () => {
    expect(errorOf('/signals/17/0/0.pbf')).toMatch(/signals has tiles up to z 16/);
    expect(parse('/signals/16/0/0.pbf').ok).toBe(true);
    expect(parse('/street_lights/22/0/0.pbf').ok).toBe(true);
  });
});

describe('tile filters', () => {
  it('reads the signal filters into typed values, without repeats', () => {
    const result = parse(
      '/signals/8/131/85.pbf?v=1.2.abc&from=2025-01-01&to=2025-12-31&categories=loneliness,mobility,loneliness&status=new&partner=police,caw',
    );
    expect(result).toEqual({
      ok: true,
      value: {
        layer: 'signals',
        z: 8,
        x: 131,
        y: 85,
        version: '1.2.abc',
        filters: {
          window: { from: '2025-01-01', to: '2025-12-31' },
          categories: ['loneliness', 'mobility'],
          statuses: ['new'],
          partners: ['police', 'caw'],
        },
      },
    });
  });

  it('names unknown codes and lists the known ones', () => {
    const error = errorOf('/signals/8/131/85.pbf?categories=loneliness,burglary');
    expect(error).toMatch(/^Invalid query: categories has unknown "burglary"; known: loneliness, /);
    expect(errorOf('/signals/8/131/85.pbf?status=open')).toMatch(/status has unknown "open"; known: new, discussed/);
    expect(errorOf('/signals/8/131/85.pbf?partner=mayor')).toMatch(/partner has unknown "mayor"/);
    expect(errorOf('/services/8/131/85.pbf?types=gp,bakery')).toMatch(/types has unknown "bakery"/);
    expect(errorOf('/street_lights/8/131/85.pbf?status=new')).toMatch(
      /status has unknown "new"; known: working, defect/,
    );
  });

  it('rejects empty lists and empty items', () => {
    expect(errorOf('/signals/8/131/85.pbf?categories=')).toMatch(/categories must be a comma-separated list/);
    expect(errorOf('/signals/8/131/85.pbf?categories=loneliness,,mobility')).toMatch(
      /categories must be a comma-separated list/,
    );
  });

  it('rejects malformed dates and days that do not exist', () => {
    expect(errorOf('/signals/8/131/85.pbf?from=2025-1-01&to=2025-12-31')).toMatch(/from must be a date as YYYY-MM-DD/);
    expect(errorOf('/signals/8/131/85.pbf?from=2025-01-01&to=2025-02-30')).toMatch(/to is not a day of the calendar/);
    expect(errorOf('/signals/8/131/85.pbf?from=yesterday&to=2025-02-01')).toMatch(/from must be a date/);
    expect(errorOf('/signals/8/131/85.pbf?from=0000-01-01&to=0000-01-02')).toMatch(
      /from must be a date as YYYY-MM-DD between 1900 and 2999/,
    );
    expect(parse('/signals/8/131/85.pbf?from=2999-12-31&to=2999-12-31').ok).toBe(true);
  });

  it('answers every malformed input with a reason instead of throwing', () => {
    const junk = [
      '',
      '%00',
      '\u0000',
      'NaN',
      'Infinity',
      '1e309',
      'x'.repeat(5000),
      '💥',
      '-0',
      ' 1',
      '0x10',
      '9'.repeat(30),
    ];
    for (const value of junk) {
      for (const path of [
        `/${value}/1/0/0`,
        `/signals/${value}/0/0`,
        `/services/3/${value}/0`,
        `/services/3/0/${value}.pbf`,
      ]) {
        expect(() => parse(path)).not.toThrow();
      }
      // (`v` is left out: 1e309 is a well-formed version token, which the route redirects.)
      for (const name of ['from', 'to', 'categories', 'status', 'partner', 'types']) {
        const params = new URLSearchParams({
          [name]: value,
          ...(name === 'from' ? { to: '2025-01-01' } : name === 'to' ? { from: '2025-01-01' } : {}),
        });
        const result = parseTileRequest({ layer: 'signals', z: '8', x: '131', y: '85.pbf' }, params);
        expect(result.ok, `${name}=${value.slice(0, 20)}`).toBe(false);
      }
    }
  });

  it('wants both ends of a window, in order, at most ten years apart', () => {
    expect(errorOf('/signals/8/131/85.pbf?from=2025-01-01')).toMatch(/to is required with the other end of the window/);
    expect(errorOf('/substandard_dwellings/8/131/85.pbf?to=2025-01-01')).toMatch(/from is required/);
    expect(errorOf('/signals/8/131/85.pbf?from=2025-02-01&to=2025-01-31')).toMatch(
      /to must not be before from \(2025-02-01\)/,
    );
    expect(errorOf('/signals/8/131/85.pbf?from=2015-01-01&to=2025-01-01')).toMatch(
      /to makes the window longer than 10 years/,
    );
    expect(parse('/signals/8/131/85.pbf?from=2015-01-01&to=2024-12-31').ok).toBe(true);
    expect(parse('/signals/8/131/85.pbf?from=2025-03-01&to=2025-03-01').ok).toBe(true);
  });

  it('rejects parameters a layer does not take, and parameters given twice', () => {
    expect(errorOf('/services/8/131/85.pbf?categories=loneliness')).toBe(
      'Invalid query: categories is not a parameter of layer services (it takes v, types)',
    );
    expect(errorOf('/signals/8/131/85.pbf?category=loneliness')).toMatch(
      /category is not a parameter of layer signals/,
    );
    expect(errorOf('/signals/8/131/85.pbf?status=new&status=closed')).toMatch(/status is given 2 times/);
  });

  it('rejects a malformed version', () => {
    expect(errorOf('/services/8/131/85.pbf?v=../../etc')).toMatch(/v must be a layer version/);
    expect(parse('/services/8/131/85.pbf').ok).toBe(true);
  });
});

describe('what a tile carries', () => {
  const zooms = (maxZoom: number) => Array.from({ length: maxZoom + 1 }, (_, z) => z);

  it('never carries individual substandard dwellings, and signals only as cells of five or more below z 15', () => {
    for (const layer of ['signals', 'substandard_dwellings'] as const) {
      for (const z of zooms(LAYER_RULES[layer].maxZoom)) {
        const planned = planTile(layer, z);
        // Signal points from z 15 are served only to those who may see points (db/queries/tiles.ts
        // gives everyone else the fallback cells; tests/integration/tiles.test.ts checks that).
        if (layer === 'signals' && z >= 15) expect(planned.mode).toBe('points');
        else expect(planned.mode).toBe('cells');
        const cells = planned.mode === 'points' ? planned.fallback : planned;
        expect(cells.minCount).toBe(5);
        // Cells never shrink below ~600 m (EPSG:3857), about 385 m on the ground in Flanders.
        expect(cells.cellSize / unitsPerMeter(z)).toBeGreaterThanOrEqual(600);
      }
    }
  });

  it('shows street lights as points from z 15, services and social housing at every zoom', () => {
    expect(planTile('street_lights', 14).mode).toBe('cells');
    expect(planTile('street_lights', 15).mode).toBe('points');
    for (const z of zooms(22)) {
      expect(planTile('services', z).mode).toBe('points');
      expect(planTile('social_housing', z).mode).toBe('points');
    }
  });

  it('keeps the worst case of every tile below 256 KB', () => {
    for (const layer of TILE_LAYERS) {
      for (const z of zooms(LAYER_RULES[layer].maxZoom)) {
        const plan = planTile(layer, z);
        expect(worstTileBytes(layer, plan), `${layer} z ${z}`).toBeLessThan(MAX_TILE_BYTES);
        const cells = plan.mode === 'points' ? plan.fallback : plan;
        expect(TILE_EXTENT % cells.cellSize, 'cells align across tiles').toBe(0);
      }
    }
  });
});
