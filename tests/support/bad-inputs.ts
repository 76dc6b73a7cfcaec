import fc from 'fast-check';

/**
 * Generated bodies for the write endpoints, shared by the database-level and the HTTP property
 * tests. `junk` is anything a client could send in a field; `invalidReportField` and
 * `invalidStatusField` give, per field, values the validation must refuse, so that a body with
 * one of them can never be stored.
 */
export const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 700 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-0',
    '1e400',
    '',
    ' ',
    '51,2',
    'true',
    'on',
    '__proto__',
    'constructor',
    '2099-01-01',
    '1999-12-31',
    '2026-02-30',
    'loneliness',
    'financial_debt',
    'closed',
    'referred',
    'other',
    '0',
    '1',
    '9007199254740993',
    "'; DROP TABLE signals; --",
    'mevrouw Janssens woont alleen',
    'Kerkstraat 12, Balen',
    'bel 0471 12 34 56',
    'jan.peeters@example.be',
    '85.07.30-033.28',
  ),
);

export const REPORT_FIELDS = [
  'category',
  'subcategory',
  'urgency',
  'description',
  'followUpRequested',
  'partnerType',
  'observedOn',
  'lon',
  'lat',
  'idempotencyKey',
] as const;
export const STATUS_FIELDS = [
  'fromStatus',
  'toStatus',
  'outcome',
  'referredServiceId',
  'referredOrganisation',
  'note',
] as const;

/** Values each report field must refuse whatever the rest of the body says. */
const BAD_REPORT_VALUES: Record<(typeof REPORT_FIELDS)[number], unknown[]> = {
  category: ['weather', 42, null, '', 'LONELINESS', ['loneliness']],
  subcategory: ['financial_debt', 'nope', 7, { code: 'x' }],
  urgency: ['asap', 3, true],
  description: [
    'kort',
    'x'.repeat(501),
    42,
    null,
    'Mevrouw Janssens woont alleen en eet slecht.',
    'Bel hem op 0471 12 34 56 over de huur.',
    'Woont in de Kerkstraat 12 zonder verwarming.',
    'Zijn rijksregisternummer is 85.07.30-033.28, graag nakijken.',
    'Mail naar jan.peeters@example.be voor meer uitleg.',
    'Ok\u0000 controle',
  ],
  followUpRequested: ['maybe', 2, [], {}],
  partnerType: ['doctor', 'municipality', 0],
  observedOn: ['2099-01-01', '2020-01-01', '2026-02-30', '23/11/2026', 20261123],
  lon: ['east', 200, -5, 51.16, 'NaN', '1e400', null, true],
  lat: ['north', 95, 5.16, 60, null],
  idempotencyKey: ['abc', 42, '', null, '00000000-0000-0000-0000-00000000000g'],
};

/** Values each status-change field must refuse whatever the rest says. */
const BAD_STATUS_VALUES: Record<(typeof STATUS_FIELDS)[number], unknown[]> = {
  fromStatus: ['open', 1, null, ''],
  toStatus: ['open', 'new', 2, null, ''],
  outcome: ['happy', 3, true],
  referredServiceId: [-1, 0, 1.5, 'abc', '12a', Number.MAX_SAFE_INTEGER + 2],
  referredOrganisation: ['x'.repeat(121), 'Dokter Peeters', 'mevrouw Janssens', 5],
  note: ['x'.repeat(281), 'Gebeld met mevrouw Janssens op 0471 12 34 56.', 12, 'a\u0007b'],
};

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** A valid report with 1–3 fields replaced by anything at all (so some still pass, most do not). */
export function mutatedReport(valid: () => Record<string, unknown>) {
  return fc
    .tuple(
      fc.dictionary(fc.oneof(pick(REPORT_FIELDS), fc.string({ maxLength: 12 })), junk, { minKeys: 1, maxKeys: 3 }),
      fc.boolean(),
    )
    .map(([changes, dropSome]) => {
      const body: Record<string, unknown> = { ...valid(), ...changes };
      if (dropSome) for (const key of Object.keys(changes)) if (changes[key] === undefined) delete body[key];
      return body;
    });
}

/** A report that must be refused: one field definitely wrong, perhaps others too; or not an object at all. */
export function invalidReport(valid: () => Record<string, unknown>) {
  const oneWrong = fc
    .tuple(pick(REPORT_FIELDS), fc.nat(), fc.dictionary(pick(REPORT_FIELDS), junk, { maxKeys: 2 }))
    .map(([field, index, others]) => {
      const bad = BAD_REPORT_VALUES[field];
      return { ...valid(), ...others, [field]: bad[index % bad.length] } as unknown;
    });
  const missing = pick(
    REPORT_FIELDS.filter((field) =>
      ['category', 'description', 'partnerType', 'lon', 'lat', 'idempotencyKey'].includes(field),
    ),
  ).map((field) => {
    const body = valid();
    delete body[field];
    return body as unknown;
  });
  const unknownField = fc
    .string({ minLength: 1, maxLength: 20 })
    .filter((key) => !(REPORT_FIELDS as readonly string[]).includes(key))
    .map((key) => ({ ...valid(), [key]: 'x' }) as unknown);
  const notAnObject = fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.integer(),
    fc.array(junk, { maxLength: 3 }),
    fc.boolean(),
  );
  return fc.oneof(oneWrong, missing, unknownField, notAnObject);
}

/** A status change that must be refused (a definitely wrong field), or anything at all. */
export function invalidStatusChange(valid: () => Record<string, unknown>) {
  const oneWrong = fc
    .tuple(pick(STATUS_FIELDS), fc.nat(), fc.dictionary(pick(STATUS_FIELDS), junk, { maxKeys: 2 }))
    .map(([field, index, others]) => {
      const bad = BAD_STATUS_VALUES[field];
      return { ...valid(), ...others, [field]: bad[index % bad.length] } as unknown;
    });
  const unknownField = fc
    .string({ minLength: 1, maxLength: 20 })
    .filter((key) => !(STATUS_FIELDS as readonly string[]).includes(key))
    .map((key) => ({ ...valid(), [key]: 'x' }) as unknown);
  const notAnObject = fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.array(junk, { maxLength: 3 }));
  return fc.oneof(oneWrong, unknownField, notAnObject);
}

/** Any status change at all: valid ones, mutated ones, junk. */
export function anyStatusChange(valid: () => Record<string, unknown>) {
  return fc.oneof(
    fc.dictionary(pick(STATUS_FIELDS), junk, { maxKeys: 6 }) as fc.Arbitrary<unknown>,
    fc
      .dictionary(pick(STATUS_FIELDS), junk, { minKeys: 1, maxKeys: 2 })
      .map((changes) => ({ ...valid(), ...changes }) as unknown),
    invalidStatusChange(valid),
    fc.constant(valid() as unknown),
  );
}
