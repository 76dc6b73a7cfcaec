import { CsvError } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neighbourhoodCode, sectorCode } from '@/lib/areas/codes';
import { en } from '@/lib/i18n/messages/en';
import { nlBE } from '@/lib/i18n/messages/nl-BE';
import { csvErrorDetail } from '@/lib/imports/csv';
import { importChoicesSchema } from '@/lib/imports/dry-run';
import { type ImportDetailKey, detail, detailParts, formatDetail } from '@/lib/imports/problem-detail';
import { fileProblem } from '@/lib/imports/problems';
import { checkDetail, placeholders } from '../support/import-details';
import { PROBLEM_CASES } from './imports-problem-fixture';

/**
 * The detail sentence of every import problem: a template in both dictionaries, filled by the
 * params of the place that makes it, the English one equal to the API's `problem`.
 */
const PREFIX = 'admin.problemDetail.';
const DETAIL_KEYS = Object.keys(nlBE)
  .filter((key) => key.startsWith(PREFIX))
  .map((key) => key.slice(PREFIX.length) as ImportDetailKey);

/** Keys no input to the pure dry run reaches, and the test that covers each instead. */
const REACHED_ELSEWHERE: Partial<Record<ImportDetailKey, string>> = {
  csv_closing_quote: 'the parser errors below (relax_quotes lets csv-parse accept such cells)',
  csv_library_error: 'the parser errors below',
  csv_library_error_no_line: 'the parser errors below',
  csv_invalid: 'the parser errors below',
  nothing_to_import: 'tests/integration/imports.test.ts (only the commit says it)',
};

describe('import problem details', () => {
  it('have a template in both dictionaries, with the same placeholders', () => {
    expect(DETAIL_KEYS.length).toBeGreaterThan(80);
    for (const key of DETAIL_KEYS) {
      const full = `${PREFIX}${key}` as keyof typeof nlBE;
      expect(Object.hasOwn(en, full), key).toBe(true);
      expect(en[full].trim(), key).not.toBe('');
      expect(nlBE[full], key).not.toBe(en[full]);
      expect(placeholders(en[full]), key).toEqual(placeholders(nlBE[full]));
    }
    expect(Object.keys(en).filter((key) => key.startsWith(PREFIX)).length).toBe(DETAIL_KEYS.length);
  });

  it.each(Object.entries(PROBLEM_CASES))(
    '%s: every problem fills its templates, and its English is its problem',
    (_, run) => {
      const problems = run();
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) checkDetail(problem);
    },
  );

  it('are all reached by the cases, except the few listed with the test that covers them', () => {
    const reached = new Set(Object.values(PROBLEM_CASES).flatMap((run) => run().map((problem) => problem.detail.key)));
    expect(DETAIL_KEYS.filter((key) => !reached.has(key) && !(key in REACHED_ELSEWHERE))).toEqual([]);
    // A listed key that a case now reaches belongs in the cases, not in the list.
    expect(Object.keys(REACHED_ELSEWHERE).filter((key) => reached.has(key as ImportDetailKey))).toEqual([]);
  });

  it("keep the parser's own message for the errors they do not word themselves", () => {
    const error = (code: ConstructorParameters<typeof CsvError>[0], message: string, lines?: number) =>
      new CsvError(code, message, undefined, lines === undefined ? {} : { lines });
    const cases: [unknown, string][] = [
      [
        error('CSV_INVALID_CLOSING_QUOTE', 'Invalid Closing Quote', 3),
        'A quoted cell has text after its closing quote (line 3): put the whole cell in quotes and double the " inside it.',
      ],
      [
        error('CSV_RECORD_INCONSISTENT_COLUMNS', 'Invalid Record Length: columns length is 2, got 3 on line 7', 7),
        'The file is not valid CSV (line 7): Invalid Record Length: columns length is 2, got 3 on line 7',
      ],
      [
        error('CSV_INVALID_OPTION_DELIMITER', 'Invalid option delimiter'),
        'The file is not valid CSV: Invalid option delimiter',
      ],
      [new RangeError('Maximum call stack size exceeded'), 'The file is not valid CSV.'],
    ];
    for (const [thrown, english] of cases) {
      const problem = fileProblem('malformed_csv', csvErrorDetail(thrown));
      checkDetail(problem);
      expect(problem.problem).toBe(english);
    }
    expect(formatDetail('nl-BE', csvErrorDetail(cases[1]![0]))).toBe(
      'Het bestand is geen geldige CSV (lijn 7): Invalid Record Length: columns length is 2, got 3 on line 7',
    );
  });

  it('say in English what the schemas that check codes and the period say', () => {
    // The templates word these messages themselves, so a changed schema message must change them too.
    const message = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;
    expect(en[`${PREFIX}invalid_sector_code`]).toBe(`{value} ${message(sectorCode.safeParse('x'))}.`);
    expect(en[`${PREFIX}invalid_neighbourhood_code`]).toBe(`{value} ${message(neighbourhoodCode.safeParse('x'))}.`);
    expect(en[`${PREFIX}invalid_period_option`]).toBe(
      `Import option period ${message(importChoicesSchema.safeParse({ period: '24' }))}.`,
    );
  });
});

describe('import problem details in Dutch', () => {
  it('write numbers with a decimal comma, limits as counts, and lists with "en"', () => {
    const swapped = detail('swapped_wgs84', {
      xName: 'lon',
      x: 51.165786,
      yName: 'lat',
      y: 5.169159,
      minLon: 2.5,
      maxLon: 5.95,
      minLat: 50.6,
      maxLat: 51.55,
    });
    expect(formatDetail('nl-BE', swapped)).toBe(
      'lon 51,165786 en lat 5,169159 lijken omgewisseld: in Vlaanderen is de lengtegraad 2,5–5,95 en de breedtegraad 50,6–51,55.',
    );
    expect(formatDetail('nl-BE', detail('too_many_rows', { max: 500_000 }))).toBe(
      'Het bestand heeft meer dan 500.000 gegevensrijen; splits het op in kleinere bestanden.',
    );
    expect(formatDetail('en', detail('too_many_rows', { max: 500_000 }))).toBe(
      'The file has more than 500,000 data rows; split it into smaller files.',
    );
    expect(formatDetail('nl-BE', detail('file_too_large', { size: 20.5, max: 20 }))).toBe(
      'Het bestand is 20,5 MB; je kan hoogstens 20,0 MB in één keer importeren.',
    );
    // Line numbers and lengths are written as the English always wrote them: no separators.
    expect(formatDetail('nl-BE', detail('too_long', { length: 1234, max: 200 }))).toBe(
      'is 1234 tekens lang; hoogstens 200 zijn toegelaten.',
    );
    expect(formatDetail('en', detail('too_long', { length: 1234, max: 200 }))).toBe(
      'is 1234 characters long; at most 200 are allowed.',
    );
    const columns = detail('ambiguous_columns', { columns: ['"lon"', '"lng"', '"x"'], field: 'x' });
    expect(formatDetail('nl-BE', columns)).toBe(
      'De kolommen "lon" en "lng" en "x" lijken allemaal op x; hou er één over of kies welke je gebruikt.',
    );
    expect(formatDetail('en', columns)).toBe(
      'The columns "lon" and "lng" and "x" all look like x; keep one or choose which to use.',
    );
  });

  it("mark a library's message as English, and give none for a key this build does not know", () => {
    const parts = detailParts(
      'nl-BE',
      detail('json_invalid_at', { line: 1, column: 146, message: 'Unexpected end of JSON input' }),
    );
    expect(parts).toEqual([
      { text: 'Het bestand is geen geldige JSON (lijn ' },
      { text: '1' },
      { text: ', kolom ' },
      { text: '146' },
      { text: '): ' },
      { text: 'Unexpected end of JSON input', english: true },
      { text: '.' },
    ]);
    expect(
      detailParts('nl-BE', { key: 'no_such_sentence', params: {} } as unknown as ReturnType<typeof detail>),
    ).toBeNull();
  });
});
