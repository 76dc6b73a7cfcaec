import { z } from 'zod';
import { SIGNAL_STATUSES, type SignalStatus } from './categories';
import { type PersonalDataFinding, findPersonalData } from './personal-data';
import type { FieldError } from './report-form';

/**
 * Following a signal up: new → discussed → referred (to a service or organisation) → followed
 * up → closed (with an outcome). Statuses only move forward: a closed signal stays closed
 * (a new situation is a new signal), so the history reads as one line and counts per status
 * never move back. Shortcuts, and why:
 * - new → referred: the coordinator knows the right service at once, without a meeting;
 * - new/discussed → closed: nothing to refer (no action needed, the person declined, a
 *   duplicate as "other"). Outcomes that are results of a referral (rights obtained, care or
 *   support started) need the referral followed up first;
 * - referred → closed: the person declined the service, or "other" (moved away); again not
 *   a result that needs following up.
 * The migration of signal_status_changes repeats these pairs as a CHECK (frozen copy).
 */
export const SIGNAL_OUTCOMES = ['rights_obtained', 'care_started', 'no_action_needed', 'declined', 'other'] as const;
export type SignalOutcome = (typeof SIGNAL_OUTCOMES)[number];

export const NEXT_STATUSES: Readonly<Record<SignalStatus, readonly SignalStatus[]>> = {
  new: ['discussed', 'referred', 'closed'],
  discussed: ['referred', 'closed'],
  referred: ['followed_up', 'closed'],
  followed_up: ['closed'],
  closed: [],
};

/** Outcomes allowed when closing from each status. */
export const CLOSING_OUTCOMES: Readonly<Record<Exclude<SignalStatus, 'closed'>, readonly SignalOutcome[]>> = {
  new: ['no_action_needed', 'declined', 'other'],
  discussed: ['no_action_needed', 'declined', 'other'],
  referred: ['declined', 'other'],
  followed_up: SIGNAL_OUTCOMES,
};

export const NOTE_MAX = 280;
export const REFERRED_ORGANISATION_MAX = 120;

export function canMoveTo(from: SignalStatus, to: SignalStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export function outcomesWhenClosing(from: SignalStatus): readonly SignalOutcome[] {
  return from === 'closed' ? [] : CLOSING_OUTCOMES[from];
}

/** A status change as validated: what the database layer writes. */
export interface StatusChange {
  /** The status the person saw: the change is refused if it is no longer the current one. */
  fromStatus: SignalStatus;
  toStatus: SignalStatus;
  outcome: SignalOutcome | null;
  referredServiceId: number | null;
  referredOrganisation: string | null;
  note: string | null;
}

export type StatusChangeField = keyof StatusChange;

export type StatusChangeParse =
  | { ok: true; value: StatusChange }
  | {
      ok: false;
      errors: Partial<Record<StatusChangeField | '_form' | (string & {}), FieldError>>;
      personalData: PersonalDataFinding[];
    };

const requiredOr = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === '' ? 'is required' : message;
const emptyAsNull = (value: unknown) => (value === '' || value === undefined ? null : value);
const status = z.enum(SIGNAL_STATUSES, { error: requiredOr(`must be one of: ${SIGNAL_STATUSES.join(', ')}`) });
const shortText = (max: number) =>
  z.preprocess(
    emptyAsNull,
    z
      .string({ error: 'must be text' })
      .trim()
      .max(max, `must be at most ${max} characters: keep it short`)
      .refine((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text), 'contains control characters')
      .transform((text) => (text === '' ? null : text))
      .nullable(),
  );

export const statusChangeFields = {
  fromStatus: status,
  toStatus: status,
  outcome: z.preprocess(
    emptyAsNull,
    z.enum(SIGNAL_OUTCOMES, { error: `must be one of: ${SIGNAL_OUTCOMES.join(', ')}` }).nullable(),
  ),
  referredServiceId: z.preprocess(
    (value) => (typeof value === 'string' && /^\s*[0-9]{1,15}\s*$/.test(value) ? Number(value) : emptyAsNull(value)),
    z
      .number({ error: 'must be the number of a service' })
      .int('must be the number of a service')
      .positive('must be the number of a service')
      .max(Number.MAX_SAFE_INTEGER, 'must be the number of a service')
      .nullable(),
  ),
  referredOrganisation: shortText(REFERRED_ORGANISATION_MAX),
  note: shortText(NOTE_MAX),
};

/**
 * The body of a status change (form or API), field by field like the report form: every
 * field is checked, then the rules between them (allowed transition, outcome when closing,
 * where it was referred to, no personal data in the note or organisation name).
 */
export function parseStatusChange(body: unknown): StatusChangeParse {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      errors: { _form: { code: 'invalid_body', message: 'The status change must be a JSON object.' } },
      personalData: [],
    };
  }
  const input = body as Record<string, unknown>;
  const errors: Partial<Record<string, FieldError>> = Object.create(null);
  const values: Partial<Record<StatusChangeField, unknown>> = {};
  for (const field of Object.keys(statusChangeFields) as StatusChangeField[]) {
    const parsed = statusChangeFields[field].safeParse(input[field]);
    if (parsed.success) values[field] = parsed.data;
    else
      errors[field] = {
        code: parsed.error.issues[0]?.code ?? 'invalid',
        message: parsed.error.issues[0]?.message ?? 'is invalid',
      };
  }
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(statusChangeFields, key))
      errors[key.slice(0, 64)] = { code: 'unknown_field', message: 'is not a field of a status change' };
  }
  checkRules(values as Partial<StatusChange>, errors);
  const personalData: PersonalDataFinding[] = [];
  for (const field of ['note', 'referredOrganisation'] as const) {
    const text = values[field];
    if (typeof text !== 'string' || errors[field]) continue;
    const found = findPersonalData(text);
    if (found.length === 0) continue;
    if (field === 'note') personalData.push(...found);
    errors[field] = {
      code: 'personal_data',
      message: `contains personal data (${found.map((finding) => `"${finding.excerpt}"`).join(', ')}): ${
        field === 'note' ? 'describe the follow-up, not the person' : 'name the service or organisation, not a person'
      }`,
    };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors: { ...errors }, personalData };
  return { ok: true, value: values as StatusChange };
}

function checkRules(values: Partial<StatusChange>, errors: Partial<Record<string, FieldError>>) {
  const { fromStatus: from, toStatus: to } = values;
  if (from === undefined || to === undefined || errors.fromStatus || errors.toStatus) return;
  if (!canMoveTo(from, to)) {
    const allowed = NEXT_STATUSES[from];
    errors.toStatus =
      allowed.length === 0
        ? { code: 'final', message: `cannot change: a ${from} signal stays ${from}` }
        : {
            code: 'not_allowed',
            message: `must be one of ${allowed.join(', ')} after ${from}: statuses only move forward`,
          };
    return;
  }
  if (!errors.outcome) {
    if (to === 'closed' && (values.outcome ?? null) === null) {
      errors.outcome = {
        code: 'required',
        message: `is required when closing: one of ${outcomesWhenClosing(from).join(', ')}`,
      };
    } else if (to === 'closed' && values.outcome && !outcomesWhenClosing(from).includes(values.outcome)) {
      errors.outcome = {
        code: 'not_after_status',
        message: `must be one of ${outcomesWhenClosing(from).join(', ')} when closing a ${from} signal`,
      };
    } else if (to !== 'closed' && (values.outcome ?? null) !== null) {
      errors.outcome = { code: 'only_when_closing', message: 'must be left empty: an outcome is given when closing' };
    }
  }
  // A field that failed its own check is undefined here: it neither names nor forbids a referral.
  const serviceGiven = values.referredServiceId !== null && values.referredServiceId !== undefined;
  const organisationGiven = values.referredOrganisation !== null && values.referredOrganisation !== undefined;
  const referredTo = serviceGiven || organisationGiven;
  if (to === 'referred' && !referredTo && !errors.referredServiceId && !errors.referredOrganisation) {
    errors.referredOrganisation = {
      code: 'required',
      message: 'is required when referring: the service or organisation it was referred to',
    };
  } else if (to !== 'referred' && referredTo) {
    const field = serviceGiven ? 'referredServiceId' : 'referredOrganisation';
    errors[field] ??= { code: 'only_when_referring', message: 'must be left empty: only a referral names where to' };
  }
  if (to === 'closed' && values.outcome === 'other' && (values.note ?? null) === null && !errors.note) {
    errors.note = { code: 'required', message: 'is required with outcome "other": say briefly what happened' };
  }
}
