import { describe, expect, it } from 'vitest';
import { neighbourhoodsQuery, parseQuery } from '@/lib/map/area-query';
import { mapHref, parseAreaSegments, parseLayersQuery, parseMapQuery } from '@/lib/map/map-url';
import { DEFAULT_MAP_OPTIONS, parseMapOptions, type MapOptions } from '@/lib/map/map-options';
import { LAYER_IDS, SOURCE_IDS, buildMapStyle } from '@/lib/map/style';

describe('map state in the URL', () => {
  it('reads the indicator and neighbourhood, falling back to defaults for bad values', () => {
    expect(parseMapQuery({ indicator: 'median_income', buurt: '1300301' })).toEqual({
      indicator: 'median_income',
      neighbourhoodCode: '1300301',
    });
    expect(parseMapQuery({ indicator: 'nonsense', buurt: 'DROP TABLE' })).toEqual({
      indicator: 'share_65_plus',
      neighbourhoodCode: undefined,
    });
    expect(parseMapQuery(new URLSearchParams('indicator=population'))).toEqual({
      indicator: 'population',
      neighbourhoodCode: undefined,
    });
    expect(parseMapQuery({ indicator: ['population', 'median_income'] })).toMatchObject({ indicator: 'population' });
  });

  it('accepts /kaart/<region>[/<municipality>] only', () => {
    expect(parseAreaSegments(['sw11'])).toEqual({ regionCode: 'sw11' });
    expect(parseAreaSegments(['sw11', '13003'])).toEqual({ regionCode: 'sw11', municipalityNis: '13003' });
    expect(parseAreaSegments([])).toBeNull();
    expect(parseAreaSegments(['kempen'])).toBeNull();
    expect(parseAreaSegments(['sw11', 'balen'])).toBeNull();
    expect(parseAreaSegments(['sw11', '13003', '1300301'])).toBeNull();
  });

  it('writes short URLs that read back to the same state', () => {
    expect(mapHref({ regionCode: 'sw11', indicator: 'share_65_plus' })).toBe('/kaart/sw11');
    const href = mapHref({
      regionCode: 'sw11',
      municipalityNis: '13003',
      neighbourhoodCode: '1300301',
      indicator: 'median_income',
    });
    expect(href).toBe('/kaart/sw11/13003?indicator=median_income&buurt=1300301');
    const url = new URL(href, 'http://x');
    expect(parseAreaSegments(url.pathname.split('/').slice(2))).toEqual({
      regionCode: 'sw11',
      municipalityNis: '13003',
    });
    expect(parseMapQuery(url.searchParams)).toEqual({ indicator: 'median_income', neighbourhoodCode: '1300301' });
  });

  it('reads overlay layers forgivingly and writes them in catalogue order', () => {
    expect(parseLayersQuery(new URLSearchParams('lagen=services,signals,nonsense,services'))).toEqual([
      'signals',
      'services',
    ]);
    expect(parseLayersQuery({ lagen: ['street_lights', 'signals'] })).toEqual(['street_lights']);
    expect(parseLayersQuery({})).toEqual([]);
    expect(parseLayersQuery({ lagen: 'x'.repeat(500) })).toEqual([]);
    const href = mapHref({
      regionCode: 'sw11',
      municipalityNis: '13003',
      indicator: 'share_65_plus',
      layers: ['services', 'signals'],
    });
    expect(href).toBe('/kaart/sw11/13003?lagen=signals,services');
    expect(parseLayersQuery(new URL(href, 'http://x').searchParams)).toEqual(['signals', 'services']);
    expect(mapHref({ regionCode: 'sw11', indicator: 'population', layers: [] })).toBe(
      '/kaart/sw11?indicator=population',
    );
  });
});

describe('area API query strings', () => {
  const parse = (query: string) => parseQuery(neighbourhoodsQuery, new URLSearchParams(query));

  it('wants exactly one of region and municipality', () => {
    expect(parse('region=sw11&v=1-2')).toEqual({ ok: true, value: { region: 'sw11', v: '1-2' } });
    expect(parse('municipality=13003')).toEqual({ ok: true, value: { municipality: '13003' } });
    expect(parse('')).toMatchObject({ ok: false, error: expect.stringContaining('exactly one of region') });
    expect(parse('region=sw11&municipality=13003')).toMatchObject({ ok: false });
  });

  it('names the parameter that is wrong', () => {
    expect(parse('region=kempen')).toEqual({
      ok: false,
      error: 'Invalid query: region must be a region code such as sw11',
    });
    expect(parse('region=sw11&region=sw12')).toEqual({ ok: false, error: 'Invalid query: region is given 2 times' });
  });
});

describe('offline map style', () => {
  it('needs nothing from the internet: no glyphs, sprites or remote sources', () => {
    const style = buildMapStyle({ basemap: 'offline', osmTileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' });
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:/);
    expect(Object.keys(style.sources).sort()).toEqual(
      [SOURCE_IDS.municipalities, SOURCE_IDS.neighbourhoods, SOURCE_IDS.regions].sort(),
    );
    expect(style.layers.map((layer) => layer.id)).toContain(LAYER_IDS.neighbourhoodsFill);
    expect(style.layers.some((layer) => layer.type === 'symbol')).toBe(false);
  });

  it('adds the OpenStreetMap raster underneath when asked', () => {
    const style = buildMapStyle({ basemap: 'osm', osmTileUrl: 'https://tiles.example/{z}/{x}/{y}.png' });
    expect(style.sources[SOURCE_IDS.osm]).toMatchObject({
      type: 'raster',
      tiles: ['https://tiles.example/{z}/{x}/{y}.png'],
    });
    expect(style.layers[1]?.id).toBe(LAYER_IDS.osm);
  });
});

describe('view, time window and filters in the URL', () => {
  it('reads back what it writes', () => {
    const options: MapOptions = {
      view: { lon: 5.1663, lat: 51.1711, zoom: 12.5 },
      window: { from: '2025-01', to: '2025-06' },
      categories: ['loneliness', 'unsafe_street'],
      statuses: ['referred'],
      partners: ['gp_practice', 'pharmacy'],
      signalView: 'heatmap',
      walkDistances: [500, 1000],
    };
    const href = mapHref({
      regionCode: 'sw11',
      municipalityNis: '13003',
      indicator: 'share_65_plus',
      layers: ['signals'],
      options,
    });
    expect(href).toBe(
      '/kaart/sw11/13003?lagen=signals&van=2025-01&tot=2025-06&categorie=loneliness,unsafe_street&status=referred' +
        '&partner=gp_practice,pharmacy&signalen=warmte&ringen=500,1000&positie=5.1663,51.1711,12.5',
    );
    expect(parseMapOptions(new URL(href, 'http://x').searchParams)).toEqual(options);
  });

  it('leaves defaults out of the link', () => {
    expect(mapHref({ regionCode: 'sw11', indicator: 'share_65_plus', options: DEFAULT_MAP_OPTIONS })).toBe(
      '/kaart/sw11',
    );
    expect(parseMapOptions({})).toEqual({ ...DEFAULT_MAP_OPTIONS, view: undefined, window: undefined });
  });

  it('drops invalid values instead of failing a shared link', () => {
    const parsed = parseMapOptions(
      new URLSearchParams(
        'positie=5,51,40&van=2025-13&tot=2025-01&categorie=loneliness,bogus&status=lost&partner=&signalen=3d&ringen=500,750',
      ),
    );
    expect(parsed).toEqual({
      ...DEFAULT_MAP_OPTIONS,
      view: undefined,
      window: undefined,
      categories: ['loneliness'],
      walkDistances: [500],
    });
    expect(parseMapOptions({ van: '2025-06', tot: '2025-01' }).window).toBeUndefined();
    expect(parseMapOptions({ positie: 'NaN,51,10' }).view).toBeUndefined();
    expect(parseMapOptions({ positie: '4.4,51.2,10,3' }).view).toBeUndefined();
  });
});
