import { readFileSync } from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseSectorTable } from '@/lib/areas/boundary-files';
import { toLambert72 } from '@/lib/geo/lambert72';
import { MAX_FILE_BYTES, MAX_LISTED_PROBLEMS, MAX_ROWS, type ImportOptions, planImport } from '@/lib/imports/dry-run';
import type { ImportLayer } from '@/lib/imports/layers';

const fixture = (name: string) => readFileSync(path.join(process.cwd(), 'tests/fixtures/imports', name));
const seed = (name: string) => readFileSync(path.join(process.cwd(), 'db/seed/boundaries', name), 'utf8');
const sectorTable = new Map(
  parseSectorTable(seed('sector_neighbourhood.csv')).map((s) => [s.sectorCode, s.neighbourhoodCode]),
);
const neighbourhoods: Feature<Polygon | MultiPolygon, { code: string }>[] = JSON.parse(
  seed('neighbourhoods.geojson'),
).features;
const neighbourhoodOf = (lon: number, lat: number) =>
  neighbourhoods.find((n) => booleanPointInPolygon([lon, lat], n.geometry))?.properties.code;

const text = (content: string) => new TextEncoder().encode(content);
const plan = <L extends ImportLayer>(
  layer: L,
  content: string | Uint8Array,
  fileName = 'upload.csv',
  options: ImportOptions = {},
) => planImport(layer, typeof content === 'string' ? text(content) : content, fileName, options);
/** Problems as [row, field, code], the part a test can pin down exactly. */
const problems = (result: { errors: { row: number | null; field: string | null; code: string }[] }) =>
  result.errors.map((error) => [error.row, error.field, error.code]);

describe('dry run of the sample files', () => {
  it('reads services from a Belgian Excel CSV in Lambert 72, each in its neighbourhood', () => {
    const result = planImport('services', fixture('services.csv'), 'services.csv');
    expect(result.ok).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.detected).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      crs: 'lambert72',
      rowUnit: 'line',
      columns: { x: 'x', y: 'y', service_type: 'type', name: 'naam', address: 'adres' },
      ignoredColumns: [],
    });
    expect(result.summary).toEqual({ rowsRead: 8, rowsValid: 8, rowsWithErrors: 0, errorCount: 0, warningCount: 0 });
    expect(result.rows.map((row) => [row.row, row.serviceType, row.name, row.address])).toEqual([
      [2, 'local_service_centre', 'Lokaal dienstencentrum De Kempen', 'Markt 1, 2490 Balen'],
      [3, 'social_house', 'Sociaal Huis Balen', 'Steegstraat 20, 2490 Balen'],
      [4, 'pharmacy', 'Apotheek "De Zon"; Olmen', 'Olmen-Centrum 5, 2491 Olmen'],
      [5, 'gp', 'Huisartsenpraktijk Wezel', null],
      [6, 'home_nursing', 'Thuisverpleging Rosselaar', 'Rosselaar 12, 2490 Balen'],
      [7, 'neighbourhood_house', 'Buurthuis Schoorheide', null],
      [8, 'social_grocery', 'Sociale kruidenier Ravels', 'Kerkstraat 3, 2380 Ravels'],
      [9, 'mobile_stop', 'Mobiel infopunt Poppel', 'Poppel Dorp'],
    ]);
    // The Lambert 72 values with decimal commas land in the neighbourhoods they were taken from.
    expect(result.rows.map((row) => neighbourhoodOf(row.lon, row.lat))).toEqual([
      '1300301',
      '1300301',
      '1300309',
      '1300305',
      '1300307',
      '1300306',
      '1303507',
      '1303503',
    ]);
    const [x, y] = toLambert72(result.rows[0]!.lon, result.rows[0]!.lat);
    expect(Math.abs(x - 205_917.97)).toBeLessThan(0.02);
    expect(Math.abs(y - 206_212.3)).toBeLessThan(0.02);
  });

  it('reads street lights from GeoJSON, with the feature id as their own id', () => {
    const result = planImport('street_lights', fixture('street-lights.geojson'), 'street-lights.geojson');
    expect(result.ok).toBe(true);
    expect(result.detected).toMatchObject({
      format: 'geojson',
      crs: 'wgs84',
      rowUnit: 'feature',
      columns: { external_id: 'id', status: 'status', lamp_type: 'lamp_type' },
    });
    expect(result.rows).toHaveLength(12);
    expect(result.rows[0]).toEqual({
      row: 1,
      lon: 4.989464,
      lat: 51.362866,
      externalId: 'RAV-1001',
      status: 'working',
      lampType: 'other',
    });
    expect(result.rows.filter((row) => row.status === 'defect').map((row) => row.externalId)).toEqual([
      'RAV-1004',
      'RAV-1009',
    ]);
    expect(new Set(result.rows.map((row) => row.lampType))).toEqual(new Set(['led', 'other']));
    expect(result.rows.every((row) => neighbourhoodOf(row.lon, row.lat)?.startsWith('13035'))).toBe(true);
  });

  it('reads social housing from a comma CSV in WGS84', () => {
    const result = planImport('social_housing', fixture('social-housing.csv'), 'social-housing.csv');
    expect(result.ok).toBe(true);
    expect(result.detected).toMatchObject({
      delimiter: ',',
      crs: 'wgs84',
      columns: { x: 'lon', y: 'lat', name: 'name', operator: 'operator', units: 'units' },
    });
    expect(result.rows.map((row) => [row.name, row.operator, row.units])).toEqual([
      ['Hof ter Heide', 'Woonmaatschappij Kempen', 24],
      ['De Lindekens', 'Woonmaatschappij Kempen', 12],
      ['Residentie Eel', null, 8],
      ['Weelde Statie', 'Woonmaatschappij Noorderkempen', 30],
    ]);
    expect(result.rows.map((row) => neighbourhoodOf(row.lon, row.lat))).toEqual([
      '1300301',
      '1300309',
      '1303509',
      '1303513',
    ]);
  });

  it('rolls a Statbel-like sector file up to every neighbourhood of Balen and Ravels', () => {
    const result = planImport('indicators', fixture('indicators-sectors.csv'), 'indicators-sectors.csv', {
      sectorTable,
    });
    expect(result.ok).toBe(true);
    expect(result.detected).toMatchObject({
      delimiter: '|',
      crs: null,
      columns: {
        sector: 'CD_SECTOR',
        indicator: 'indicator',
        period: 'CD_YEAR',
        value: 'MS_VALUE',
        weight: 'MS_POPULATION',
      },
      ignoredColumns: ['CD_REFNIS', 'TX_SECTOR_DESCR_NL'],
    });
    expect(result.warnings.map((w) => [w.row, w.field, w.code])).toEqual([[144, 'CD_SECTOR', 'sector_not_localised']]);
    const rolledUp = result.rolledUp!;
    const codes = new Set(rolledUp.map((v) => v.neighbourhoodCode));
    expect(codes).toEqual(
      new Set(
        [...sectorTable.values()].filter(
          (code) => code.startsWith('13003') || code.startsWith('13035') || code === '1300208',
        ),
      ),
    );
    expect(codes.size).toBe(9 + 13);
    expect(rolledUp.every((v) => v.sectors === v.sectorsInNeighbourhood)).toBe(true);
    // Everything adds up, except the 7 people Statbel could not place in a sector.
    const populationInFile =
      result.rows.filter((r) => r.indicator === 'population').reduce((sum, r) => sum + r.value, 0) - 7;
    const populationRolledUp = rolledUp
      .filter((v) => v.indicator === 'population')
      .reduce((sum, v) => sum + v.value, 0);
    expect(populationRolledUp).toBe(populationInFile);
    const shares = rolledUp.filter((v) => v.indicator === 'share_65_plus');
    expect(shares.every((v) => v.aggregation === 'weighted_mean' && v.value > 12 && v.value < 32.1)).toBe(true);
  });

  it('needs the sector table for sector codes', () => {
    const result = planImport('indicators', fixture('indicators-sectors.csv'), 'indicators-sectors.csv');
    expect(result.ok).toBe(false);
    expect(problems(result)).toEqual([[null, null, 'options']]);
  });

  it('reads neighbourhood values with decimal commas and Dutch indicator names, and checks the codes', () => {
    const result = planImport('indicators', fixture('indicators-neighbourhoods.csv'), 'indicators-neighbourhoods.csv', {
      sectorTable,
    });
    expect(result.ok).toBe(true);
    expect(result.rolledUp).toBeNull();
    expect(result.rows.map((r) => [r.areaLevel, r.areaCode, r.indicator, r.period, r.value])).toEqual([
      ['neighbourhood', '1300301', 'share_65_plus', '2024', 18.4],
      ['neighbourhood', '1300302', 'share_65_plus', '2024', 21.7],
      ['neighbourhood', '1303507', 'share_65_plus', '2024', 19.05],
      ['neighbourhood', '1303507', 'median_income', '2024', 24312],
    ]);
    const unknown = plan('indicators', 'wijk;indicator;jaar;waarde\n9999901;population;2024;5\n', 'x.csv', {
      sectorTable,
    });
    expect(problems(unknown)).toEqual([[2, 'wijk', 'unknown_value']]);
  });
});

describe('dry run of the bad sample files', () => {
  it('refuses a CSV with an unclosed quote as a whole', () => {
    const result = planImport('services', fixture('bad-malformed.csv'), 'bad-malformed.csv');
    expect(result).toMatchObject({ ok: false, rows: [], errors: [{ row: null, field: null, code: 'malformed_csv' }] });
  });

  it('refuses truncated GeoJSON, saying where it breaks', () => {
    const result = planImport('street_lights', fixture('bad-malformed.geojson'), 'bad-malformed.geojson');
    expect(result.errors).toEqual([
      {
        row: null,
        field: null,
        code: 'malformed_geojson',
        problem: expect.stringMatching(/^The file is not valid JSON \(line 1, column \d+\)/),
        detail: {
          key: 'json_invalid_at',
          params: { line: 1, column: expect.any(Number), message: expect.any(String) },
        },
      },
    ]);
  });

  it('reports swapped lon/lat per row and for the file', () => {
    const result = planImport('social_housing', fixture('bad-swapped.csv'), 'bad-swapped.csv');
    expect(result.ok).toBe(false);
    expect(problems(result)).toEqual([
      [null, null, 'swapped_coordinates'],
      [2, 'lon/lat', 'swapped_coordinates'],
      [3, 'lon/lat', 'swapped_coordinates'],
      [4, 'lon/lat', 'swapped_coordinates'],
    ]);
    expect(result.errors[0]?.problem).toBe(
      'In 3 of 3 rows lon and lat look swapped: check which column holds which coordinate.',
    );
  });

  it('reports NaN, empty, text, infinite and thousands-separated coordinates by row and column', () => {
    const result = planImport('services', fixture('bad-nan.csv'), 'bad-nan.csv');
    expect(problems(result)).toEqual([
      [2, 'x', 'not_a_number'],
      [3, 'y', 'required'],
      [4, 'x', 'not_a_number'],
      [5, 'x', 'not_a_number'],
      [5, 'y', 'not_a_number'],
      [6, 'x', 'not_a_number'],
    ]);
    expect(result.summary).toEqual({ rowsRead: 6, rowsValid: 1, rowsWithErrors: 5, errorCount: 6, warningCount: 0 });
    expect(result.rows.map((row) => row.row)).toEqual([7]); // shown in the preview, but `ok` is false: nothing is written
    expect(result.ok).toBe(false);
  });

  it('refuses Latin-1 bytes unless windows-1252 is chosen', () => {
    const refused = planImport('services', fixture('bad-latin1.csv'), 'bad-latin1.csv');
    expect(problems(refused)).toEqual([[null, null, 'encoding']]);
    const chosen = planImport('services', fixture('bad-latin1.csv'), 'bad-latin1.csv', { encoding: 'windows-1252' });
    expect(chosen.ok).toBe(true);
    expect(chosen.rows[0]?.name).toBe('Café De Kroon');
  });

  it('reports unknown categories and empty required values', () => {
    const result = planImport('services', fixture('bad-unknown-category.csv'), 'bad-unknown-category.csv');
    expect(problems(result)).toEqual([
      [2, 'type', 'unknown_value'],
      [4, 'naam', 'required'],
    ]);
    expect(result.errors[0]?.problem).toMatch(
      /^"bakkerij" is not one of: local_service_centre, social_house, gp, pharmacy/,
    );
  });

  it('reports every broken feature of a GeoJSON file by its number', () => {
    const result = planImport('street_lights', fixture('bad-outside.geojson'), 'bad-outside.geojson');
    expect(problems(result)).toEqual([
      [1, 'longitude/latitude', 'outside_flanders'],
      [2, 'longitude/latitude', 'outside_flanders'],
      [3, 'geometry', 'geometry'],
      [4, 'geometry', 'geometry'],
      [5, 'longitude/latitude', 'swapped_coordinates'],
      [6, 'geometry', 'geometry'],
      [7, 'status', 'unknown_value'],
    ]);
  });

  it('reports bad indicator rows: unknown sector, share over 100, unknown indicator, bad year, missing weight, repeats', () => {
    const result = planImport('indicators', fixture('bad-indicators.csv'), 'bad-indicators.csv', { sectorTable });
    expect(problems(result)).toEqual([
      [3, 'CD_SECTOR', 'unknown_sector'],
      [4, 'waarde', 'out_of_range'],
      [5, 'indicator', 'unknown_value'],
      [6, 'jaar', 'invalid_format'],
      [7, 'bevolking', 'required'],
      [8, 'CD_SECTOR', 'duplicate'],
    ]);
    expect(result.ok).toBe(false);
  });
});

describe('dry run: files, formats and limits', () => {
  it('refuses a file over the size limit before reading it', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    expect(planImport('services', big, 'big.csv').errors).toEqual([
      {
        row: null,
        field: null,
        code: 'file_too_large',
        problem: 'The file is 20.0 MB; at most 20.0 MB can be imported at once.',
        detail: { key: 'file_too_large', params: { size: 20, max: 20 } },
      },
    ]);
    expect(plan('services', 'naam;type;x;y\n', 'x.csv', { maxBytes: 5 }).errors[0]?.code).toBe('file_too_large');
  });

  it('refuses more rows than the limit', () => {
    expect(MAX_ROWS).toBe(500_000);
    const rows = (count: number) => `naam;type;x;y\n${'A;gp;205917,97;206212,30\n'.repeat(count)}`;
    expect(plan('services', rows(20), 'x.csv', { maxRows: 20 }).ok).toBe(true);
    expect(problems(plan('services', rows(21), 'x.csv', { maxRows: 20 }))).toEqual([[null, null, 'too_many_rows']]);
    const features = (count: number) =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: Array.from({ length: count }, () => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [5, 51] },
          properties: { status: 'ok', type: 'led' },
        })),
      });
    expect(problems(plan('street_lights', features(21), 'x.geojson', { maxRows: 20 }))).toEqual([
      [null, null, 'too_many_rows'],
    ]);
  });

  it('refuses empty files, header-only files and spreadsheets', () => {
    expect(problems(plan('services', ''))).toEqual([[null, null, 'file_empty']]);
    expect(problems(plan('services', 'naam;type;x;y\n'))).toEqual([[null, null, 'no_rows']]);
    expect(problems(plan('services', 'a', 'lijst.xlsx'))).toEqual([[null, null, 'unsupported_format']]);
    expect(problems(plan('services', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'lijst.csv'))).toEqual([
      [null, null, 'unsupported_format'],
    ]);
    expect(problems(plan('indicators', fixture('street-lights.geojson'), 'x.geojson'))).toEqual([
      [null, null, 'unsupported_format'],
    ]);
  });

  it('reads GeoJSON by its content, whatever the file is called', () => {
    const result = planImport('street_lights', fixture('street-lights.geojson'), 'lights.csv');
    expect(result.ok).toBe(true);
    expect(result.detected.format).toBe('geojson');
    expect(problems(plan('street_lights', '{"type":"Feature"}', 'x.geojson'))).toEqual([
      [null, null, 'malformed_geojson'],
    ]);
    expect(problems(plan('street_lights', '[1,2]', 'x.json'))).toEqual([[null, null, 'malformed_geojson']]);
  });

  it('honours a GeoJSON crs member naming Lambert 72, and single-point MultiPoints', () => {
    const collection = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::31370' } },
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [206039.011, 206968.384] },
          properties: { STATUS: 'Defect', Lamptype: 'LED' },
        },
        {
          type: 'Feature',
          geometry: { type: 'MultiPoint', coordinates: [[194026.428, 221316.25]] },
          properties: { STATUS: 'OK', Lamptype: 'Natrium' },
        },
        {
          type: 'Feature',
          geometry: {
            type: 'MultiPoint',
            coordinates: [
              [194026.428, 221316.25],
              [194027, 221317],
            ],
          },
          properties: { STATUS: 'OK', Lamptype: 'LED' },
        },
      ],
    };
    const result = plan('street_lights', JSON.stringify(collection), 'lights.geojson');
    expect(result.detected.crs).toBe('lambert72');
    expect(problems(result)).toEqual([[3, 'geometry', 'geometry']]);
    expect(result.rows.map((row) => [row.lon, row.lat, row.status, row.lampType])).toEqual([
      [5.17, 51.17, 'defect', 'led'],
      [5, 51.3, 'working', 'other'],
    ]);
    const other = plan(
      'street_lights',
      JSON.stringify({ ...collection, crs: { type: 'name', properties: { name: 'EPSG:3857' } } }),
      'x.geojson',
    );
    expect(other.errors[0]).toMatchObject({ code: 'crs', problem: expect.stringMatching(/"EPSG:3857"/) });
  });

  it('uses the chosen coordinate system, delimiter and columns', () => {
    const lambert = fixture('services.csv');
    const asWgs84 = planImport('services', lambert, 'services.csv', { crs: 'wgs84' });
    expect(asWgs84.errors).toHaveLength(8);
    expect(asWgs84.errors.every((error) => error.code === 'crs')).toBe(true);

    const oddNames = 'Omschrijving;Soort voorziening;Oost;Noord\nApotheek;apotheek;205917,97;206212,30\n';
    const mapped = plan('services', oddNames, 'x.csv', {
      columns: { name: 'Omschrijving', service_type: 'Soort voorziening' },
    });
    expect(mapped.ok).toBe(true);
    expect(mapped.detected.columns).toEqual({
      x: 'Oost',
      y: 'Noord',
      name: 'Omschrijving',
      service_type: 'Soort voorziening',
    });

    const semicolonsAsData = plan('services', 'naam,type,x,y\nA;B,gp,205917.97,206212.30\n', 'x.csv', {
      delimiter: ',',
    });
    expect(semicolonsAsData.rows[0]?.name).toBe('A;B');
  });

  it('takes the indicator and period for the whole file when a Statbel export has neither', () => {
    const statbel = 'CD_SECTOR|MS_POPULATION\n13003A500|1200\n13003A51-|300\n13003A590|150\n';
    const result = plan('indicators', statbel, 'TF_SOC_POP_STRUCT_2024.txt', {
      sectorTable,
      indicator: 'population',
      period: '2024',
      columns: { value: 'MS_POPULATION' },
    });
    expect(result.ok).toBe(true);
    expect(result.rolledUp?.map((v) => [v.neighbourhoodCode, v.indicator, v.period, v.value])).toEqual([
      ['1300208', 'population', '2024', 1650],
    ]);
    expect(
      problems(plan('indicators', statbel, 'x.txt', { sectorTable, columns: { value: 'MS_POPULATION' } })),
    ).toEqual([[null, null, 'missing_column']]);
  });

  it('refuses invalid options with the option named', () => {
    const wrong = [
      { crs: 'epsg3857' },
      { delimiter: ':' },
      { encoding: 'utf-16' },
      { indicator: 'happiness' },
      { period: '24' },
      { colour: 'red' },
    ];
    for (const options of wrong) {
      const result = plan('services', fixture('services.csv'), 'services.csv', options as ImportOptions);
      expect(result.errors, JSON.stringify(options)).toEqual([
        {
          row: null,
          field: null,
          code: 'options',
          problem: expect.stringMatching(/^Import option /),
          detail: { key: expect.stringMatching(/^invalid_(period_)?option$/), params: expect.any(Object) },
        },
      ]);
    }
    expect(problems(plan('services', fixture('services.csv'), 'x.csv', { columns: { colour: 'naam' } }))).toEqual([
      [null, null, 'options'],
    ]);
    expect(
      problems(plan('services', fixture('services.csv'), 'x.csv', { columns: { name: 'Naam van de dienst' } })),
    ).toEqual([[null, null, 'missing_column']]);
  });

  it('names missing and ambiguous columns', () => {
    const missing = plan('street_lights', 'id;x;y\n1;205917,97;206212,30\n');
    expect(missing.errors.map((e) => e.problem)).toEqual([
      'The file has no column for status (accepted names: status, staat, toestand, werking, state).',
      'The file has no column for lamp_type (accepted names: lamp_type, lamptype, type_lamp, lamp, type, soort).',
    ]);
    const twice = plan('services', 'naam;type;lon;x;y\nA;gp;5.1;205917,97;206212,30\n');
    expect(twice.errors).toEqual([
      {
        row: null,
        field: null,
        code: 'duplicate_column',
        problem: 'The columns "lon" and "x" all look like x; keep one or choose which to use.',
        detail: { key: 'ambiguous_columns', params: { columns: ['"lon"', '"x"'], field: 'x' } },
      },
    ]);
    const sectorAndWijk = plan(
      'indicators',
      'CD_SECTOR;wijk;indicator;jaar;waarde\n13003A00-;1300301;population;2024;5\n',
      'x.csv',
      { sectorTable },
    );
    expect(problems(sectorAndWijk)).toEqual([[null, null, 'missing_column']]);
  });

  it('reports rows with more cells than the header, and repeated street light ids', () => {
    const extra = plan('services', 'naam;type;x;y\nApotheek; Olmen;pharmacy;205917,97;206212,30\n');
    expect(problems(extra)).toContainEqual([2, null, 'column_count']);
    const repeated = plan(
      'street_lights',
      'id;status;type;x;y\nL1;ok;led;205917,97;206212,30\nL2;ok;led;205917,97;206212,30\nL1;defect;led;205917,97;206212,30\n',
    );
    expect(problems(repeated)).toEqual([[4, 'id', 'duplicate']]);
    expect(repeated.errors[0]?.problem).toBe('repeats row 2 (L1).');
  });

  it('checks the values of every layer', () => {
    const housing = plan(
      'social_housing',
      'naam;woningen;lat;lon\nA;0;51,16;5,17\nB;12,5;51,16;5,17\nC;veel;51,16;5,17\nD;5001;51,16;5,17\n;4;51,16;5,17\n',
    );
    expect(problems(housing)).toEqual([
      [2, 'woningen', 'out_of_range'],
      [3, 'woningen', 'not_an_integer'],
      [4, 'woningen', 'not_a_number'],
      [5, 'woningen', 'out_of_range'],
      [6, 'naam', 'required'],
    ]);
    expect(housing.detected.columns).toMatchObject({ x: 'lon', y: 'lat' }); // found by name, whatever the order
    const lights = plan(
      'street_lights',
      `status;lamp;lon;lat\nkapot;LED;5,17;51,16\nok;Halogeen;5,17;51,16\n?;led;5,17;51,16\nok;led;5,17;51,16\n`,
    );
    expect(problems(lights)).toEqual([[4, 'status', 'unknown_value']]);
    expect(lights.rows.map((row) => [row.status, row.lampType])).toEqual([
      ['defect', 'led'],
      ['working', 'other'],
      ['working', 'led'],
    ]);
    const longName = plan('services', `naam;type;lon;lat\n${'x'.repeat(201)};gp;5,17;51,16\nA\u0007B;gp;5,17;51,16\n`);
    expect(problems(longName)).toEqual([
      [2, 'naam', 'too_long'],
      [3, 'naam', 'invalid_format'],
    ]);
  });

  it('counts every problem but lists at most the first thousand', () => {
    const rows = `naam;type;x;y\n${'A;bakkerij;205917,97;206212,30\n'.repeat(MAX_LISTED_PROBLEMS + 500)}`;
    const result = plan('services', rows);
    expect(result.errors).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(result.summary).toMatchObject({
      errorCount: MAX_LISTED_PROBLEMS + 500,
      rowsWithErrors: MAX_LISTED_PROBLEMS + 500,
      rowsValid: 0,
    });
    expect(result.errors[0]?.row).toBe(2);
  });
});
