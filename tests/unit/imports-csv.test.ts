import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '@/lib/imports/csv';
import { type DecodeResult, decodeText, decodeWindows1252 } from '@/lib/imports/encoding';
import { formatDetail } from '@/lib/imports/problem-detail';
import { cellText, normaliseName, parseDecimal } from '@/lib/imports/values';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

/** The English sentence of a refused file, as the import's `problem` says it. */
const english = (result: DecodeResult) => (result.ok ? '' : formatDetail('en', result.detail));

describe('decoding uploaded bytes', () => {
  it('decodes UTF-8 and drops its byte order mark', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'naam;x\nCafé België;1'))).toEqual({
      ok: true,
      text: 'naam;x\nCafé België;1',
      encoding: 'utf-8',
    });
  });

  it('refuses Windows-1252 bytes read as UTF-8, naming the line, unless chosen', () => {
    const latin = bytes('naam;x\r\n', 'Caf', [0xe9], ' De Kroon;1\r\n');
    const result = decodeText(latin);
    expect(result.ok).toBe(false);
    expect(english(result)).toMatch(/^The file is not valid UTF-8 \(line 2 .*choose the encoding windows-1252\.$/);
    expect(decodeText(latin, 'windows-1252')).toEqual({
      ok: true,
      text: 'naam;x\r\nCafé De Kroon;1\r\n',
      encoding: 'windows-1252',
    });
  });

  it('maps the Windows-1252 characters that differ from Latin-1 (Node gets them wrong)', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x93, 0x94, 0x96, 0xe9, 0xeb, 0x81]))).toBe('€“”–éë\uFFFD');
  });

  it('finds the first bad byte also after multi-byte characters and for truncated sequences', () => {
    const result = decodeText(bytes('a;b\n', 'é;ü\n', 'ok\n', [0xe2, 0x82])); // "€" cut off at the end
    expect(english(result)).toMatch(/line 4/);
    expect(decodeText(bytes([0xed, 0xa0, 0x80])).ok).toBe(false); // an encoded surrogate is not UTF-8
    expect(decodeText(bytes([0xc0, 0xaf])).ok).toBe(false); // an overlong "/" is not UTF-8
  });

  it('accepts UTF-16 with a byte order mark (Excel "Unicode text")', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'x\ty'].flatMap((char) => [char.charCodeAt(0), 0])]);
    expect(decodeText(utf16)).toMatchObject({ ok: true, text: 'x\ty', encoding: 'utf-16le' });
  });

  it('recognises spreadsheets and binary files instead of reading garbage', () => {
    expect(decodeText(bytes([0x50, 0x4b, 0x03, 0x04], 'rest'))).toMatchObject({
      ok: false,
      code: 'unsupported_format',
    });
    expect(decodeText(bytes([0xd0, 0xcf, 0x11, 0xe0]))).toMatchObject({ ok: false, code: 'unsupported_format' });
    expect(decodeText(bytes('a;b\n1;', [0], '2'))).toMatchObject({
      ok: false,
      code: 'not_text',
      detail: { key: 'nul_byte', params: { line: 2 } },
    });
  });
});

describe('reading CSV', () => {
  it.each([
    ['naam;x;y\n', ';'],
    ['name,lon,lat\n', ','],
    ['name\tlon\tlat\n', '\t'],
    ['CD_REFNIS|CD_SECTOR|MS_POPULATION\n', '|'],
    ['"a;b",c,d\n', ','], // separators inside quotes do not count
  ])('detects the separator of %j', (header, delimiter) => {
    expect(detectDelimiter(header)).toBe(delimiter);
  });

  it('reads Belgian Excel output: ";", quotes, CRLF, a BOM, blank lines and trailing empty rows', () => {
    const text =
      '\uFEFFnaam;adres;x\r\n"Apotheek ""De Zon""; Olmen";"Markt 1\r\n2490 Balen";205917,97\r\n\r\nHuisarts;;204558,22\r\n;;\r\n;;\r\n';
    const result = parseCsv(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.table.delimiter).toBe(';');
    expect(result.table.header).toEqual(['naam', 'adres', 'x']);
    expect(result.table.records).toEqual([
      { row: 2, cells: ['Apotheek "De Zon"; Olmen', 'Markt 1\n2490 Balen', '205917,97'] },
      // Line 3 is the second line of the quoted address and line 4 is blank.
      { row: 5, cells: ['Huisarts', '', '204558,22'] },
    ]);
  });

  it('takes a stray quote inside a cell literally, as spreadsheets do', () => {
    const result = parseCsv('naam,type\nApotheek "De Zon",pharmacy\n');
    expect(result.ok && result.table.records[0]?.cells).toEqual(['Apotheek "De Zon"', 'pharmacy']);
    const quotedThenText = parseCsv('naam;x\n"Apotheek"x;1\n');
    expect(quotedThenText.ok && quotedThenText.table.records[0]?.cells).toEqual(['"Apotheek"x', '1']);
  });

  it('keeps rows with too many or too few cells for the row checks', () => {
    const result = parseCsv('a;b;c\n1;2;3;4\n1;2\n');
    expect(result.ok && result.table.records.map((record) => record.cells)).toEqual([
      ['1', '2', '3', '4'],
      ['1', '2'],
    ]);
  });

  it('reports broken files with the line', () => {
    expect(parseCsv('naam;x\n"Apotheek;1\nHuisarts;2\n')).toMatchObject({
      ok: false,
      problem: { row: null, code: 'malformed_csv', problem: expect.stringMatching(/never closed/) },
    });
    expect(parseCsv('')).toMatchObject({ ok: false, problem: { code: 'file_empty' } });
    expect(parseCsv('  \n\n')).toMatchObject({ ok: false, problem: { code: 'file_empty' } });
    expect(parseCsv('just one column\nvalue\n')).toMatchObject({ ok: false, problem: { code: 'delimiter' } });
  });

  it('stops at the row limit with a clear error, and accepts exactly the limit', () => {
    const rows = (count: number) => `a;b\n${'1;2\n'.repeat(count)}`;
    expect(parseCsv(rows(10), { maxRows: 10 }).ok).toBe(true);
    expect(parseCsv(rows(11), { maxRows: 10 })).toMatchObject({
      ok: false,
      problem: { code: 'too_many_rows', problem: expect.stringMatching(/more than 10 data rows/) },
    });
  });
});

describe('cell values', () => {
  it.each([
    ['4,3512', 4.3512],
    ['4.3512', 4.3512],
    ['-0,5', -0.5],
    ['205917', 205917],
    [' 51,2 ', 51.2],
    [',5', 0.5],
    ['1e3', 1000],
    [42, 42],
  ])('reads %j as %d', (raw, value) => {
    expect(parseDecimal(raw)).toBe(value);
  });

  it.each([
    '',
    'NaN',
    'Infinity',
    '-Infinity',
    'abc',
    '1.234,5',
    '1,234.5',
    '1 234',
    '4,35,1',
    '0x10',
    '1e999',
    null,
    true,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    {},
  ])('refuses %j as a number', (raw) => {
    expect(parseDecimal(raw as never)).toBeNull();
  });

  it('normalises column names and cell text', () => {
    expect(['Lengtegraad', 'CD_SECTOR', 'Aantal woningen', 'aantal-woningen', ' Périodé '].map(normaliseName)).toEqual([
      'lengtegraad',
      'cd_sector',
      'aantal_woningen',
      'aantal_woningen',
      'periode',
    ]);
    expect([' x ', '', '  ', null, 12, true, {}].map((value) => cellText(value as never))).toEqual([
      'x',
      null,
      null,
      null,
      '12',
      'true',
      null,
    ]);
  });
});
