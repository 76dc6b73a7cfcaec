import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSectorTable } from '@/lib/areas/boundary-files';
import { type ImportOptions, planImport } from '@/lib/imports/dry-run';
import type { ImportLayer } from '@/lib/imports/layers';
import { withNeighbourhoodCheck } from '@/lib/imports/neighbourhood-check';
import type { ImportProblem } from '@/lib/imports/problems';
import { rollUpSectors } from '@/lib/imports/roll-up';

/**
 * Inputs that together reach every place the import makes a problem: the sample files plus
 * small files, one per kind of problem. tests/unit/imports-problem-details.test.ts runs them
 * all, checks each problem's detail against its templates (tests/support/import-details.ts),
 * and checks that every detail key is reached here, so a new sentence without a case is noticed.
 */
const fixture = (name: string) => readFileSync(path.join(process.cwd(), 'tests/fixtures/imports', name));
const sectorTable = new Map(
  parseSectorTable(readFileSync(path.join(process.cwd(), 'db/seed/boundaries/sector_neighbourhood.csv'), 'utf8')).map(
    (sector) => [sector.sectorCode, sector.neighbourhoodCode],
  ),
);

const text = (content: string) => new TextEncoder().encode(content);
const problemsOf = (plan: { errors: ImportProblem[]; warnings: ImportProblem[] }) => [...plan.errors, ...plan.warnings];
const plan = (layer: ImportLayer, content: string | Uint8Array, fileName = 'upload.csv', options: ImportOptions = {}) =>
  problemsOf(planImport(layer, typeof content === 'string' ? text(content) : content, fileName, options));
const collection = (features: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'FeatureCollection', ...extra, features });
const feature = (geometry: unknown, properties: unknown = { status: 'ok', lamp_type: 'led' }) => ({
  type: 'Feature',
  geometry,
  properties,
});
const point = (coordinates: unknown) => ({ type: 'Point', coordinates });
/** One services row at the given coordinates, read in the given system. */
const servicesAt = (x: string, y: string, crs: 'wgs84' | 'lambert72') =>
  plan('services', `naam;type;x;y\nA;gp;${x};${y}\n`, 'x.csv', { crs });
const indicators = (content: string, options: ImportOptions = {}) =>
  plan('indicators', content, 'x.csv', { sectorTable, ...options });

export const PROBLEM_CASES: Record<string, () => ImportProblem[]> = {
  // The sample files, good and bad.
  'services.csv read as WGS84': () => plan('services', fixture('services.csv'), 'services.csv', { crs: 'wgs84' }),
  'indicators-sectors.csv': () =>
    plan('indicators', fixture('indicators-sectors.csv'), 'indicators-sectors.csv', { sectorTable }),
  'indicators-sectors.csv without the sector table': () =>
    plan('indicators', fixture('indicators-sectors.csv'), 'indicators-sectors.csv'),
  'bad-malformed.csv': () => plan('services', fixture('bad-malformed.csv'), 'bad-malformed.csv'),
  'bad-malformed.geojson': () => plan('street_lights', fixture('bad-malformed.geojson'), 'bad-malformed.geojson'),
  'bad-swapped.csv': () => plan('social_housing', fixture('bad-swapped.csv'), 'bad-swapped.csv'),
  'bad-nan.csv': () => plan('services', fixture('bad-nan.csv'), 'bad-nan.csv'),
  'bad-latin1.csv': () => plan('services', fixture('bad-latin1.csv'), 'bad-latin1.csv'),
  'bad-unknown-category.csv': () => plan('services', fixture('bad-unknown-category.csv'), 'bad-unknown-category.csv'),
  'bad-outside.geojson': () => plan('street_lights', fixture('bad-outside.geojson'), 'bad-outside.geojson'),
  'bad-indicators.csv': () => plan('indicators', fixture('bad-indicators.csv'), 'bad-indicators.csv', { sectorTable }),

  // The file as a whole: options, size, type, encoding.
  'unknown layer': () => plan('parks' as ImportLayer, 'a;b\n1;2\n'),
  'options that are not an object': () =>
    problemsOf(planImport('services', text('a;b\n'), 'x.csv', null as unknown as ImportOptions)),
  'a sector table that is not a Map': () =>
    plan('indicators', 'a;b\n', 'x.csv', { sectorTable: {} as Map<string, string> }),
  'a size limit that is not a whole number': () => plan('services', 'a;b\n', 'x.csv', { maxBytes: 1.5 }),
  'an unknown coordinate system': () => plan('services', 'a;b\n', 'x.csv', { crs: 'epsg3857' as 'wgs84' }),
  'an unknown option': () => plan('services', 'a;b\n', 'x.csv', { colour: 'red' } as ImportOptions),
  'a period that is no year': () => plan('services', 'a;b\n', 'x.csv', { period: '24' }),
  'no file': () => problemsOf(planImport('services', 'naam;type' as unknown as Uint8Array, 'x.csv')),
  'an empty file': () => plan('services', ''),
  'a file of blanks': () => plan('services', '  \n\n'),
  'a file of separators only': () => plan('services', ';;;\n;;;\n'),
  'a file over the size limit': () => plan('services', 'naam;type;x;y\n', 'x.csv', { maxBytes: 5 }),
  'a spreadsheet by its name': () => plan('services', 'a', 'lijst.xlsx'),
  'a zip archive': () => plan('services', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'lijst.csv'),
  'an old Excel workbook': () => plan('services', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'lijst.csv'),
  'broken UTF-16': () => plan('services', new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8]), 'x.csv'),
  'a NUL byte': () => plan('services', new Uint8Array([0x61, 0x3b, 0x62, 0x0a, 0x31, 0x3b, 0x00]), 'x.csv'),
  'indicators from GeoJSON': () => plan('indicators', fixture('street-lights.geojson'), 'x.geojson'),

  // CSV syntax and columns.
  'no separator on the first line': () => plan('services', 'just one column\nvalue\n'),
  'a header without rows': () => plan('services', 'naam;type;x;y\n'),
  'more rows than the limit': () =>
    plan('services', `naam;type;x;y\n${'A;gp;205917,97;206212,30\n'.repeat(21)}`, 'x.csv', { maxRows: 20 }),
  'a row longer than the parser takes': () => plan('services', `naam;type;x;y\n${'x'.repeat(100_001)};gp;1;2\n`),
  'more cells than the header': () => plan('services', 'naam;type;x;y\nApotheek; Olmen;pharmacy;205917,97;206212,30\n'),
  'a mapping to an unknown field': () =>
    plan('services', fixture('services.csv'), 'x.csv', { columns: { colour: 'naam' } }),
  'a mapping to a missing column': () =>
    plan('services', fixture('services.csv'), 'x.csv', { columns: { name: 'Naam van de dienst' } }),
  'one column mapped to two fields': () =>
    plan('services', fixture('services.csv'), 'x.csv', { columns: { name: 'naam', address: 'naam' } }),
  'missing columns': () => plan('street_lights', 'id;x;y\n1;205917,97;206212,30\n'),
  'two columns for x': () => plan('services', 'naam;type;lon;x;y\nA;gp;5.1;205917,97;206212,30\n'),
  'three columns for x': () => plan('services', 'naam;type;lon;lng;x;y\nA;gp;5.1;5.1;205917,97;206212,30\n'),

  // GeoJSON structure and geometries.
  'JSON that breaks at a known place': () =>
    plan('street_lights', '{"type": "FeatureCollection", "features": [}', 'x.geojson'),
  'JSON that breaks at an unknown place': () => plan('street_lights', '{"type": x}', 'x.geojson'),
  'a Feature instead of a collection': () => plan('street_lights', '{"type":"Feature"}', 'x.geojson'),
  'a list instead of a collection': () => plan('street_lights', '[1,2]', 'x.json'),
  'a collection without features': () => plan('street_lights', '{"type":"FeatureCollection"}', 'x.geojson'),
  'a collection with no features': () => plan('street_lights', collection([]), 'x.geojson'),
  'more features than the limit': () =>
    plan('street_lights', collection(Array.from({ length: 21 }, () => feature(point([5, 51])))), 'x.geojson', {
      maxRows: 20,
    }),
  'an unsupported crs member': () =>
    plan(
      'street_lights',
      collection([feature(point([5, 51]))], { crs: { type: 'name', properties: { name: 'EPSG:3857' } } }),
      'x.geojson',
    ),
  'broken features': () =>
    plan(
      'street_lights',
      collection([
        1,
        feature(point([5, 51]), 'x'),
        feature(5),
        feature({
          type: 'MultiPoint',
          coordinates: [
            [5, 51],
            [5.1, 51],
          ],
        }),
        feature(point([5])),
        feature(point([5, 'x'])),
        feature(point([5, 51]), { status: ['ok'], lamp_type: 'led' }),
      ]),
      'x.geojson',
    ),

  // Values of each layer.
  'service names too long and with control characters': () =>
    plan('services', `naam;type;lon;lat\n${'x'.repeat(201)};gp;5,17;51,16\nA\u0007B;gp;5,17;51,16\n`),
  'bad numbers of dwellings': () =>
    plan(
      'social_housing',
      'naam;woningen;lat;lon\nA;0;51,16;5,17\nB;12,5;51,16;5,17\nC;veel;51,16;5,17\nD;5001;51,16;5,17\nE;;51,16;5,17\n',
    ),
  'repeated street light ids': () =>
    plan('street_lights', 'id;status;type;x;y\nL1;ok;led;205917,97;206212,30\nL1;defect;led;205917,97;206212,30\n'),
  'bad area codes, values and weights': () =>
    indicators(
      'CD_SECTOR;indicator;jaar;waarde;bevolking\nXYZ;population;2024;5;1\n13003A00-;population;2024;-5;1\n13003A011;population;2024;5;-1\n',
    ),
  'bad neighbourhood codes and repeats': () =>
    indicators(
      'wijk;indicator;jaar;waarde\nabc;population;2024;5\n9999901;population;2024;5\n1300301;population;2024;5\n1300301;population;2024;6\n',
    ),
  'sector and neighbourhood columns': () =>
    indicators('CD_SECTOR;wijk;indicator;jaar;waarde\n13003A00-;1300301;population;2024;5\n'),
  'no area column': () => indicators('indicator;jaar;waarde\npopulation;2024;5\n'),
  'no indicator column': () => indicators('wijk;jaar;waarde\n1300301;2024;5\n'),
  'no period column': () => indicators('wijk;indicator;waarde\n1300301;population;5\n'),
  'weights of zero': () => indicators('CD_SECTOR;indicator;jaar;waarde;bevolking\n13003A00-;share_65_plus;2024;20;0\n'),
  // The dry run finds repeated rows before the roll-up does; the roll-up checks them again.
  'sectors rolled up by hand': () => {
    const sector = { sectorCode: '13003A00-', indicator: 'share_65_plus', period: '2024', value: 20, weight: 0 };
    const result = rollUpSectors(
      [
        { row: 2, ...sector },
        { row: 3, ...sector },
      ],
      sectorTable,
      'weighted_mean',
    );
    return [...result.errors, ...result.warnings];
  },

  // Coordinates in the wrong system, swapped or outside Flanders.
  'Lambert 2008 read as WGS84': () => servicesAt('649328', '665262', 'wgs84'),
  'Web Mercator read as WGS84': () => servicesAt('575000', '6640000', 'wgs84'),
  'UTM 31N read as WGS84': () => servicesAt('640000', '5670000', 'wgs84'),
  'metres far away read as WGS84': () => servicesAt('1000000', '1000000', 'wgs84'),
  'Lambert 72 swapped read as WGS84': () => servicesAt('150000', '255000', 'wgs84'),
  'degrees read as Lambert 72': () => servicesAt('5,17', '51,17', 'lambert72'),
  'Lambert 2008 read as Lambert 72': () => servicesAt('649328', '665262', 'lambert72'),
  'Web Mercator read as Lambert 72': () => servicesAt('575000', '6640000', 'lambert72'),
  'UTM 31N read as Lambert 72': () => servicesAt('640000', '5670000', 'lambert72'),
  'Lambert 72 swapped': () => servicesAt('150000', '255000', 'lambert72'),
  'metres outside Flanders': () => servicesAt('1000000', '1000000', 'lambert72'),
  'points in no neighbourhood (CSV)': () =>
    problemsOf(
      withNeighbourhoodCheck(planImport('services', fixture('services.csv'), 'services.csv'), new Set([2, 5])),
    ),
  'points in no neighbourhood (GeoJSON)': () =>
    problemsOf(
      withNeighbourhoodCheck(
        planImport('street_lights', fixture('street-lights.geojson'), 'lights.geojson'),
        new Set([1]),
      ),
    ),
};
