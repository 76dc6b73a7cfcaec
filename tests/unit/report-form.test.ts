import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESCRIPTION_MAX, parseSignalReport, signalReportFields } from '@/lib/signals/report-form';

const valid = {
  category: 'loneliness',
  subcategory: 'loneliness_social_isolation',
  urgency: 'high',
  description: 'Alleenwonende man gaat niet meer buiten sinds de winter.',
  followUpRequested: true,
  partnerType: 'home_nursing',
  observedOn: '2026-11-20',
  lon: 5.1681,
  lat: 51.1632,
  idempotencyKey: '3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f',
};
const today = { today: '2026-11-23' };
const errorsOf = (body: unknown, options = today) => {
  const result = parseSignalReport(body, options);
  return result.ok ? {} : result.errors;
};

describe('signal report body', () => {
  it('accepts a complete report and fills in defaults', () => {
    expect(parseSignalReport(valid, today)).toEqual({ ok: true, value: valid });
    const minimal = {
      ...valid,
      urgency: undefined,
      followUpRequested: undefined,
      subcategory: undefined,
      observedOn: undefined,
    };
    const result = parseSignalReport(minimal, today);
    expect(result.ok && result.value).toMatchObject({
      urgency: 'normal',
      followUpRequested: false,
      subcategory: undefined,
    });
  });

  it('accepts what an HTML form posts: numbers and checkboxes as strings, empty optional fields', () => {
    const result = parseSignalReport(
      { ...valid, lon: '5,1681', lat: '51.1632', followUpRequested: 'on', subcategory: '', observedOn: '' },
      today,
    );
    expect(result.ok && result.value).toMatchObject({
      lon: 5.1681,
      lat: 51.1632,
      followUpRequested: true,
      subcategory: undefined,
    });
  });

  it('names every wrong field at once, with a message per field', () => {
    const errors = errorsOf({
      category: 'weather',
      urgency: 'asap',
      description: 'kort',
      followUpRequested: 'maybe',
      lon: 'east',
      idempotencyKey: '42',
    });
    expect(Object.keys(errors).sort()).toEqual([
      'category',
      'description',
      'followUpRequested',
      'idempotencyKey',
      'lat',
      'lon',
      'partnerType',
      'urgency',
    ]);
    expect(errors.category?.message).toMatch(/^must be one of: loneliness, financial_hardship/);
    expect(errors.urgency?.message).toBe('must be one of: low, normal, high');
    expect(errors.description?.message).toMatch(/at least 10 characters/);
    expect(errors.followUpRequested?.message).toBe('must be true or false');
    expect(errors.lon?.message).toMatch(/must be a number/);
    expect(errors.lat?.message).toBe('is required');
    expect(errors.partnerType?.message).toBe('is required');
    expect(errors.idempotencyKey?.message).toMatch(/must be a UUID/);
  });

  it('rejects a body that is not an object, and unknown fields', () => {
    for (const body of [null, 'text', 42, [valid], undefined]) {
      expect(errorsOf(body)._form?.code).toBe('invalid_body');
    }
    const errors = errorsOf({ ...valid, reporterName: 'Jan', __proto__: 'x', toString: 1 });
    expect(Object.keys(errors).sort()).toEqual(['reporterName', 'toString']);
    expect(errors.reporterName).toEqual({ code: 'unknown_field', message: 'is not a field of a signal report' });
  });

  it('requires the subcategory to belong to the category', () => {
    expect(errorsOf({ ...valid, subcategory: 'financial_debt' }).subcategory).toEqual({
      code: 'wrong_category',
      message: 'must be one of the subcategories of loneliness: loneliness_social_isolation, loneliness_bereavement',
    });
    expect(errorsOf({ ...valid, category: 'mobility', subcategory: 'financial_debt' }).subcategory?.code).toBe(
      'no_subcategories',
    );
    expect(parseSignalReport({ ...valid, category: 'mobility', subcategory: undefined }, today).ok).toBe(true);
  });

  it('limits the description and refuses control characters', () => {
    expect(errorsOf({ ...valid, description: 'x'.repeat(DESCRIPTION_MAX + 1) }).description?.message).toMatch(
      /at most 500 characters/,
    );
    expect(parseSignalReport({ ...valid, description: `  ${'x'.repeat(DESCRIPTION_MAX)}  ` }, today).ok).toBe(true);
    expect(errorsOf({ ...valid, description: 'Gevallen in de keuken\u0000.' }).description?.message).toBe(
      'contains control characters',
    );
  });

  it('refuses personal data in the description, saying what was found', () => {
    const result = parseSignalReport(
      { ...valid, description: 'Mevrouw Peeters, Kerkstraat 5, belt 0471 12 34 56.' },
      today,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.description?.code).toBe('personal_data');
    expect(result.errors.description?.message).toBe(
      'contains personal data: a name ("Mevrouw Peeters"), an address ("Kerkstraat 5"), a phone number ("0471 12 34 56"). ' +
        'Remove it and describe the situation, not the person.',
    );
    expect(result.personalData.map((finding) => finding.kind)).toEqual(['name_with_title', 'address', 'phone']);
  });

  describe('location', () => {
    it('requires a point in Flanders', () => {
      expect(errorsOf({ ...valid, lon: 2.35, lat: 48.86 })).toEqual({
        lon: { code: 'outside_flanders', message: 'must be between 2.5 and 5.95: the point must lie in Flanders' },
        lat: { code: 'outside_flanders', message: 'must be between 50.6 and 51.55: the point must lie in Flanders' },
      });
      expect(Object.keys(errorsOf({ ...valid, lat: 50.4 }))).toEqual(['lat']);
    });

    it('suggests that lon and lat were swapped when they were', () => {
      const errors = errorsOf({ ...valid, lon: 51.1632, lat: 5.1681 });
      expect(errors.lon).toEqual({
        code: 'swapped',
        message: 'is 51.1632, which is a latitude in Flanders: did you swap lon and lat?',
      });
      expect(errors.lat?.message).toMatch(/did you swap lon and lat\?/);
    });

    it('refuses numbers that are no coordinates', () => {
      for (const bad of ['NaN', 'Infinity', '', '5.1.2', true, null, {}]) {
        expect(errorsOf({ ...valid, lon: bad }).lon, String(bad)).toBeDefined();
      }
    });
  });

  it('checks the day of observation against today', () => {
    expect(errorsOf({ ...valid, observedOn: '2026-11-24' }).observedOn?.code).toBe('in_future');
    expect(errorsOf({ ...valid, observedOn: '2025-11-01' }).observedOn?.code).toBe('too_old');
    expect(errorsOf({ ...valid, observedOn: '2026-02-30' }).observedOn?.message).toBe('is not a day of the calendar');
    expect(parseSignalReport({ ...valid, observedOn: '2026-11-23' }, today).ok).toBe(true);
  });

  it('accepts idempotency keys as crypto.randomUUID makes them', () => {
    expect(parseSignalReport({ ...valid, idempotencyKey: crypto.randomUUID() }, today).ok).toBe(true);
    expect(errorsOf({ ...valid, idempotencyKey: '3f2b8c1e9a4d4c6b8e2f1a2b3c4d5e6f' }).idempotencyKey).toBeDefined();
  });
});

describe('signal report body: generated bad input', () => {
  const fields = Object.keys(signalReportFields);
  const anyValue = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 600 }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(fc.anything(), { maxLength: 3 }),
    fc.object({ maxDepth: 2 }),
    fc.constantFrom('NaN', 'Infinity', '-0', '1e400', '', ' ', '51,2', 'true', '__proto__', 'constructor'),
  );

  it('never throws and always names a field for a body with at least one broken field', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        anyValue,
        fc.dictionary(fc.string({ maxLength: 12 }), anyValue, { maxKeys: 3 }),
        (field, value, extra) => {
          const body = { ...valid, [field]: value, ...extra };
          const result = parseSignalReport(body, today);
          if (result.ok) {
            // Only bodies that really are valid pass: check the value against the field's own schema.
            expect(signalReportFields[field as keyof typeof signalReportFields].safeParse(value).success).toBe(true);
            expect(Object.keys(extra).every((key) => key in valid)).toBe(true);
          } else {
            expect(Object.keys(result.errors).length).toBeGreaterThan(0);
            for (const error of Object.values(result.errors)) expect(error?.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never throws on anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), (body) => {
        const result = parseSignalReport(body, today);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
