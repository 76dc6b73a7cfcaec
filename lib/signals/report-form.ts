import { z } from 'zod';
import { FLANDERS_WGS84, classifyPair } from '@/lib/imports/coordinates';
import {
  PARTNER_TYPES,
  SIGNAL_CATEGORIES,
  SIGNAL_CATEGORY_CODES,
  URGENCIES,
  type SignalCategoryCode,
} from './categories';
import { type PersonalDataFinding, type PersonalDataKind, findPersonalData } from './personal-data';

/**
 * The body of "report a signal" (from the form or the API), checked field by field so the
 * form can put each message next to its field. Every field is checked even when another one
 * fails, and cross-field rules (subcategory of the category, lon/lat inside Flanders, no
 * personal data in the description) run as soon as the fields they need are valid. A form
 * posts strings, the API JSON, so numbers and booleans are accepted in both spellings.
 */
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 500;
/** A signal may be reported up to a year after it was noticed. */
export const MAX_OBSERVED_DAYS_AGO = 366;

export interface FieldError {
  /** Stable, for translations and tests. */
  code: string;
  /** English, naming the problem and how to fix it. */
  message: string;
}

const requiredOr = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === '' ? 'is required' : message;

const decimal = (name: string) =>
  z.preprocess(
    (value) =>
      typeof value === 'string' && /^\s*[+-]?[0-9]+([.,][0-9]+)?\s*$/.test(value)
        ? Number(value.trim().replace(',', '.'))
        : value,
    z.number({ error: requiredOr(`must be a number (the ${name} in degrees, WGS84)`) }),
  );

const checkbox = z.preprocess(
  (value) =>
    value === 'true' || value === 'on' || value === '1'
      ? true
      : value === 'false' || value === 'off' || value === '0'
        ? false
        : value,
  z.boolean({ error: 'must be true or false' }).default(false),
);

const optionalText = (schema: z.ZodType<string>) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

export const signalReportFields = {
  category: z.enum(SIGNAL_CATEGORY_CODES as [SignalCategoryCode, ...SignalCategoryCode[]], {
    error: requiredOr(`must be one of: ${SIGNAL_CATEGORY_CODES.join(', ')}`),
  }),
  subcategory: optionalText(z.string({ error: 'must be a subcategory code' }).max(64, 'must be a subcategory code')),
  urgency: z.enum(URGENCIES, { error: `must be one of: ${URGENCIES.join(', ')}` }).default('normal'),
  description: z
    .string({ error: requiredOr('must be text') })
    .trim()
    .min(DESCRIPTION_MIN, `must be at least ${DESCRIPTION_MIN} characters: describe what you noticed`)
    .max(DESCRIPTION_MAX, `must be at most ${DESCRIPTION_MAX} characters: keep it short`)
    .refine((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text), 'contains control characters'),
  followUpRequested: checkbox,
  partnerType: z.enum(PARTNER_TYPES, { error: requiredOr(`must be one of: ${PARTNER_TYPES.join(', ')}`) }),
  observedOn: optionalText(
    z
      .string({ error: 'must be a date as YYYY-MM-DD' })
      .regex(/^20[0-9]{2}-[0-9]{2}-[0-9]{2}$/, 'must be a date as YYYY-MM-DD')
      .refine(isCalendarDay, 'is not a day of the calendar'),
  ),
  lon: decimal('longitude'),
  lat: decimal('latitude'),
  idempotencyKey: z.uuid({
    error: requiredOr('must be a UUID (e.g. from crypto.randomUUID()), one per filled-in form'),
  }),
};

type Fields = typeof signalReportFields;
export type ReportField = keyof Fields;
export type SignalReport = { [K in ReportField]: z.output<Fields[K]> };

export type ReportParseResult =
  | { ok: true; value: SignalReport }
  | {
      ok: false;
      /** One error per field (the first found); `_form` for a body that is not an object at all. */
      errors: Partial<Record<ReportField | '_form' | (string & {}), FieldError>>;
      /** What was found in the description, for highlighting; empty when nothing was. */
      personalData: PersonalDataFinding[];
    };

export interface ReportParseOptions {
  /** Today in Europe/Brussels ('YYYY-MM-DD'); when given, `observedOn` may not be later or over a year earlier. */
  today?: string;
}

export function parseSignalReport(body: unknown, options: ReportParseOptions = {}): ReportParseResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      errors: { _form: { code: 'invalid_body', message: 'The report must be a JSON object with the report fields.' } },
      personalData: [],
    };
  }
  const input = body as Record<string, unknown>;
  // No prototype, so an unknown field named "__proto__" is reported like any other.
  const errors: Partial<Record<string, FieldError>> = Object.create(null);
  const values: Partial<Record<ReportField, unknown>> = {};
  for (const field of Object.keys(signalReportFields) as ReportField[]) {
    const parsed = signalReportFields[field].safeParse(input[field]);
    if (parsed.success) values[field] = parsed.data;
    else
      errors[field] = {
        code: parsed.error.issues[0]?.code ?? 'invalid',
        message: parsed.error.issues[0]?.message ?? 'is invalid',
      };
  }
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(signalReportFields, key))
      errors[key.slice(0, 64)] = { code: 'unknown_field', message: 'is not a field of a signal report' };
  }

  checkSubcategory(values, errors);
  checkFlanders(values, errors);
  checkObservedOn(values, errors, options.today);
  const personalData = typeof values.description === 'string' ? findPersonalData(values.description) : [];
  if (personalData.length > 0)
    errors.description = { code: 'personal_data', message: personalDataMessage(personalData) };

  if (Object.keys(errors).length > 0) return { ok: false, errors: { ...errors }, personalData };
  return { ok: true, value: values as SignalReport };
}

function checkSubcategory(values: Partial<Record<ReportField, unknown>>, errors: Partial<Record<string, FieldError>>) {
  if (errors.category || errors.subcategory || values.subcategory === undefined) return;
  const category = SIGNAL_CATEGORIES.find((candidate) => candidate.code === values.category)!;
  const allowed: readonly string[] = category.subcategories.map((sub) => sub.code);
  if (allowed.includes(values.subcategory as string)) return;
  errors.subcategory =
    allowed.length === 0
      ? { code: 'no_subcategories', message: `must be left empty: ${category.code} has no subcategories` }
      : {
          code: 'wrong_category',
          message: `must be one of the subcategories of ${category.code}: ${allowed.join(', ')}`,
        };
}

function checkFlanders(values: Partial<Record<ReportField, unknown>>, errors: Partial<Record<string, FieldError>>) {
  if (errors.lon || errors.lat) return;
  const lon = values.lon as number;
  const lat = values.lat as number;
  const { minLon, maxLon, minLat, maxLat } = FLANDERS_WGS84;
  if (!Number.isFinite(lon)) errors.lon = { code: 'not_finite', message: 'must be a finite number' };
  if (!Number.isFinite(lat)) errors.lat = { code: 'not_finite', message: 'must be a finite number' };
  if (errors.lon || errors.lat) return;
  const kind = classifyPair(lon, lat);
  if (kind === 'wgs84') return;
  if (kind === 'wgs84_swapped') {
    errors.lon = { code: 'swapped', message: `is ${lon}, which is a latitude in Flanders: did you swap lon and lat?` };
    errors.lat = { code: 'swapped', message: `is ${lat}, which is a longitude in Flanders: did you swap lon and lat?` };
    return;
  }
  if (lon < minLon || lon > maxLon)
    errors.lon = {
      code: 'outside_flanders',
      message: `must be between ${minLon} and ${maxLon}: the point must lie in Flanders`,
    };
  if (lat < minLat || lat > maxLat)
    errors.lat = {
      code: 'outside_flanders',
      message: `must be between ${minLat} and ${maxLat}: the point must lie in Flanders`,
    };
}

function checkObservedOn(
  values: Partial<Record<ReportField, unknown>>,
  errors: Partial<Record<string, FieldError>>,
  today: string | undefined,
) {
  const observed = values.observedOn;
  if (errors.observedOn || typeof observed !== 'string' || !today || !isCalendarDay(today)) return;
  if (observed > today) errors.observedOn = { code: 'in_future', message: 'cannot be later than today' };
  else if (daysBetween(observed, today) > MAX_OBSERVED_DAYS_AGO) {
    errors.observedOn = { code: 'too_old', message: `must be within the last ${MAX_OBSERVED_DAYS_AGO} days` };
  }
}

const KIND_NAMES: Record<PersonalDataKind, string> = {
  name_with_title: 'a name',
  phone: 'a phone number',
  email: 'an e-mail address',
  national_register_number: 'a national register number',
  address: 'an address',
};

function personalDataMessage(findings: PersonalDataFinding[]): string {
  const found = findings.map((finding) => `${KIND_NAMES[finding.kind]} ("${finding.excerpt}")`).join(', ');
  return `contains personal data: ${found}. Remove it and describe the situation, not the person.`;
}

function isCalendarDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
