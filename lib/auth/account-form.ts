import { z } from 'zod';
import { ORGANISATION_TYPES, type OrganisationType } from './roles';

/**
 * The admin's "new account" form as posted (all strings), turned into what createAccount
 * takes. The organisation is an existing one (its id), none, or a new one made with the
 * account ("new" plus a name and a type). Field rules beyond the form's shape (a reporter
 * needs an organisation, an analyst a region, e-mail not yet taken, municipalities that
 * exist) are checked where the data is: db/queries/account-admin.ts.
 */
export interface FieldError {
  code: string;
  message: string;
}

export interface AccountFormInput {
  name: string;
  email: string;
  password: string;
  role: string;
  organisation:
    { kind: 'none' } | { kind: 'existing'; id: number } | { kind: 'new'; name: string; type: OrganisationType };
  municipalities: string[];
  regionCode: string | null;
}

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

const form = z.object({
  name: text(200),
  email: text(320),
  password: text(1024),
  role: text(40),
  organisation: z.string().regex(/^(|new|[1-9][0-9]{0,15})$/, 'must be an organisation from the list'),
  newOrganisationName: text(200).optional(),
  newOrganisationType: z.string().max(40).optional(),
  municipalities: z.array(z.string().max(10)).max(300, 'at most 300 municipalities'),
  regionCode: text(10),
});

export type ParsedAccountForm =
  { ok: true; value: AccountFormInput } | { ok: false; errors: Record<string, FieldError> };

/** Reads the form's fields (FormData.get / getAll results); never throws. */
export function parseAccountForm(fields: Record<string, unknown>): ParsedAccountForm {
  const parsed = form.safeParse({
    ...fields,
    newOrganisationName: fields.newOrganisationName ?? undefined,
    newOrganisationType: fields.newOrganisationType ?? undefined,
  });
  if (!parsed.success) {
    const errors: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0] ?? '_form')] ??= { code: 'invalid', message: issue.message };
    return { ok: false, errors };
  }
  const value = parsed.data;
  let organisation: AccountFormInput['organisation'] = { kind: 'none' };
  if (value.organisation === 'new') {
    const name = (value.newOrganisationName ?? '').trim();
    const type = value.newOrganisationType ?? '';
    const errors: Record<string, FieldError> = {};
    if (name === '') errors.newOrganisationName = { code: 'required', message: 'is required for a new organisation' };
    if (!(ORGANISATION_TYPES as readonly string[]).includes(type))
      errors.newOrganisationType = {
        code: 'unknown_value',
        message: `must be one of ${ORGANISATION_TYPES.join(', ')}`,
      };
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    organisation = { kind: 'new', name, type: type as OrganisationType };
  } else if (value.organisation !== '') {
    organisation = { kind: 'existing', id: Number(value.organisation) };
  }
  return {
    ok: true,
    value: {
      name: value.name,
      email: value.email.trim(),
      password: value.password,
      role: value.role,
      organisation,
      municipalities: [...new Set(value.municipalities.filter((nis) => nis !== ''))],
      regionCode: value.regionCode === '' ? null : value.regionCode,
    },
  };
}
