import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv, toGeoJson, UnsuppressedDataError, type ExportColumn, type ExportMetadata } from '@/lib/analysis/export';
import { hierarchyTable, suppressionNoteText, suppressTable } from '@/lib/analysis/suppression';

// Balen's neighbourhoods with a count of signals: 3 is suppressed (primary), 7 with it (secondary).
const suppressed = suppressTable(
  hierarchyTable([
    { id: 'total', parent: null },
    { id: '1300301', parent: 'total', value: 3 },
    { id: '1300302', parent: 'total', value: 7 },
    { id: '1300303', parent: 'total', value: 12 },
    { id: '1300304', parent: 'total', value: 0 },
  ]),
);
const NAMES: Record<string, string> = {
  '1300301': 'Centrum',
  '1300302': 'Olmen; "Oost"',
  '1300303': 'Schoonbroek\nZuid',
  '1300304': '=SUM(A1)',
};
const ROWS = Object.keys(NAMES).map((code, i) => ({
  code,
  name: NAMES[code],
  signals: suppressed.values[code],
  rate: [1.25, 20.5, -3, null][i],
}));
const COLUMNS: ExportColumn[] = [
  { key: 'code', header: 'code', kind: 'text' },
  { key: 'name', header: 'naam', kind: 'text' },
  { key: 'signals', header: 'signalen', kind: 'count' },
  { key: 'rate', header: 'per 1.000', kind: 'number', decimals: 2 },
];
const METADATA: ExportMetadata = {
  source: 'Buurtradar (demodata); grenzen: Statbel, Provincies in Cijfers',
  generatedAt: new Date('2026-11-23T10:00:00Z'),
  suppression: suppressed.note,
  suppressionText: suppressionNoteText(suppressed.note, 'nl'),
};

describe('CSV export', () => {
  it('writes RFC 4180 CSV with the metadata as comment lines before the header', () => {
    const csv = toCsv(COLUMNS, ROWS, METADATA);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('# Bron: Buurtradar (demodata); grenzen: Statbel; Provincies in Cijfers');
    expect(lines[1]).toBe('# Aangemaakt: 2026-11-23T10:00:00.000Z');
    expect(lines[2]).toBe(
      '# Afscherming: 2 cijfer(s) afgeschermd: aantallen van 1 tot 4; en cijfers waaruit die terug te rekenen zouden zijn.',
    );
    expect(lines[3]).toBe('code,naam,signalen,per 1.000');
    expect(lines[4]).toBe('1300301,Centrum,x,1.25');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    // A CSV reader that skips comments gets the table back, quotes and line breaks intact.
    const records = parse(csv, { columns: true, comment: '#' }) as Record<string, string>[];
    expect(records).toEqual([
      { code: '1300301', naam: 'Centrum', signalen: 'x', 'per 1.000': '1.25' },
      { code: '1300302', naam: 'Olmen; "Oost"', signalen: 'x', 'per 1.000': '20.50' },
      { code: '1300303', naam: 'Schoonbroek\nZuid', signalen: '12', 'per 1.000': '-3.00' },
      { code: '1300304', naam: "'=SUM(A1)", signalen: '0', 'per 1.000': '' },
    ]);
  });

  it('writes the Belgian Excel dialect: BOM, semicolons, decimal comma, CRLF', () => {
    const csv = toCsv(COLUMNS, ROWS, METADATA, { dialect: 'excel-be', locale: 'en' });
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.slice(1).split('\r\n');
    // The ';' in the source would split the comment line over two cells: it becomes ','.
    expect(lines[0]).toBe('# Source: Buurtradar (demodata), grenzen: Statbel, Provincies in Cijfers');
    expect(lines[3]).toBe('code;naam;signalen;per 1.000');
    expect(lines[4]).toBe('1300301;Centrum;x;1,25');
    expect(lines[5]).toBe('1300302;"Olmen; ""Oost""";x;20,50');
    const records = parse(csv, { bom: true, delimiter: ';', columns: true, comment: '#' }) as Record<string, string>[];
    expect(records.map((r) => r['per 1.000'])).toEqual(['1,25', '20,50', '-3,00', '']);
  });

  it('refuses counts that did not go through suppression', () => {
    const plain = ROWS.map((row) => ({ ...row, signals: 12 }));
    expect(() => toCsv(COLUMNS, plain, METADATA)).toThrow(UnsuppressedDataError);
    const smallShown = [{ code: 'a', name: 'A', signals: { value: 3, suppressed: null }, rate: 1 }];
    expect(() => toCsv(COLUMNS, smallShown, METADATA)).toThrow(/count 3 is below the threshold 5/);
    const leaking = [{ code: 'a', name: 'A', signals: { value: 3, suppressed: 'primary' as const }, rate: 1 }];
    expect(() => toCsv(COLUMNS, leaking, METADATA)).toThrow(/still carries its value/);
    const countAsNumber = [
      { code: 'a', name: 'A', signals: { value: 12, suppressed: null }, rate: { value: 3, suppressed: null } },
    ];
    expect(() => toCsv(COLUMNS, countAsNumber, METADATA)).toThrow(/declare it as kind 'count'/);
  });
});

describe('GeoJSON export', () => {
  const geometry = { type: 'Point' as const, coordinates: [5.17, 51.17] };

  it('writes a FeatureCollection with metadata, null for hidden counts and the hidden keys listed', () => {
    const collection = toGeoJson(
      ROWS.map((row) => ({ geometry, properties: row })),
      ['signals'],
      METADATA,
    );
    expect(collection.metadata).toEqual({
      source: METADATA.source,
      generatedAt: '2026-11-23T10:00:00.000Z',
      suppression: { threshold: 5, hiddenCells: 2, note: METADATA.suppressionText },
    });
    expect(collection.features[0]!.properties).toEqual({
      code: '1300301',
      name: 'Centrum',
      signals: null,
      rate: 1.25,
      suppressed: ['signals'],
    });
    expect(collection.features[2]!.properties).toEqual({
      code: '1300303',
      name: 'Schoonbroek\nZuid',
      signals: 12,
      rate: -3,
    });
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
  });

  it('refuses a count below the threshold, listed or recognised by its shape', () => {
    expect(() => toGeoJson([{ geometry, properties: { signals: 2 } }], ['signals'], METADATA)).toThrow(
      UnsuppressedDataError,
    );
    expect(() =>
      toGeoJson([{ geometry, properties: { other: { value: 4, suppressed: null } } }], [], METADATA),
    ).toThrow(/count 4/);
  });
});
