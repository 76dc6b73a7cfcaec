'use server';

import { revalidatePath } from 'next/cache';
import { getAccessScope } from '@/app/_server/session';
import { createAccountAsAdmin, disableAccountAsAdmin, revokeSessionsAsAdmin } from '@/db/queries/account-admin';
import { getDb } from '@/db/server';
import { canManageAccounts } from '@/lib/auth/access';
import { type FieldError, parseAccountForm } from '@/lib/auth/account-form';

/**
 * The account actions of /beheer/accounts. Each checks the caller's scope itself (a server
 * action is an endpoint anyone can post to, whatever the page showed), validates with zod and
 * answers field errors as values. Next.js refuses server actions from other origins.
 */
export type AccountFormState =
  | { status: 'idle' }
  | { status: 'created'; userId: number }
  /** `values`: what was typed (never the password), so the form can show it again. */
  | { status: 'error'; errors: Record<string, FieldError>; values?: Record<string, string | string[]> };

export type AccountActionState =
  | { status: 'idle' }
  | { status: 'done'; message: 'disabled' | 'revoked'; count?: number }
  | { status: 'error'; message: string };

const DENIED = { _form: { code: 'forbidden', message: 'Only administrators manage accounts' } };

async function managerId(): Promise<number | null> {
  const scope = await getAccessScope().catch(() => null);
  return canManageAccounts(scope) ? scope!.userId : null;
}

export async function createAccountAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  // A forged call (a form post without the action's state) brings no FormData: not a 500.
  if (!(formData instanceof FormData))
    return { status: 'error', errors: { _form: { code: 'invalid_body', message: 'Send the account form' } } };
  const actor = await managerId();
  if (actor === null) return { status: 'error', errors: DENIED };
  const fields: Record<string, unknown> = {};
  for (const name of [
    'name',
    'email',
    'password',
    'role',
    'organisation',
    'newOrganisationName',
    'newOrganisationType',
    'regionCode',
  ]) {
    const value = formData.get(name);
    fields[name] = typeof value === 'string' ? value : name.startsWith('newOrganisation') ? undefined : '';
  }
  fields.municipalities = formData.getAll('municipalities').filter((value) => typeof value === 'string');
  const values = Object.fromEntries(
    Object.entries(fields).filter(([name, value]) => name !== 'password' && value !== undefined),
  ) as Record<string, string | string[]>;
  const parsed = parseAccountForm(fields);
  if (!parsed.ok) return { status: 'error', errors: parsed.errors, values };
  try {
    const result = await createAccountAsAdmin(await getDb(), actor, parsed.value);
    if (!result.ok) return { status: 'error', errors: result.errors, values };
    revalidatePath('/beheer/accounts');
    return { status: 'created', userId: result.userId };
  } catch (error) {
    console.error('[buurtradar] creating an account failed', error);
    return {
      status: 'error',
      errors: { _form: { code: 'unavailable', message: 'The account could not be created; try again later' } },
    };
  }
}

function userIdOf(formData: FormData): number | null {
  const value = formData.get('userId');
  return typeof value === 'string' && /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : null;
}

export async function accountAction(_previous: AccountActionState, formData: FormData): Promise<AccountActionState> {
  if (!(formData instanceof FormData)) return { status: 'error', message: 'Unknown account or action' };
  const actor = await managerId();
  if (actor === null) return { status: 'error', message: DENIED._form.message };
  const userId = userIdOf(formData);
  const intent = formData.get('intent');
  if (userId === null || (intent !== 'disable' && intent !== 'revoke'))
    return { status: 'error', message: 'Unknown account or action' };
  try {
    const db = await getDb();
    if (intent === 'disable') {
      const result = await disableAccountAsAdmin(db, actor, userId);
      if (!result.ok) return { status: 'error', message: Object.values(result.errors)[0]?.message ?? 'Refused' };
      revalidatePath('/beheer/accounts');
      return { status: 'done', message: 'disabled' };
    }
    const result = await revokeSessionsAsAdmin(db, actor, userId);
    if (!result.ok) return { status: 'error', message: Object.values(result.errors)[0]?.message ?? 'Refused' };
    revalidatePath('/beheer/accounts');
    return { status: 'done', message: 'revoked', count: result.revoked };
  } catch (error) {
    console.error('[buurtradar] account action failed', error);
    return { status: 'error', message: 'That did not work just now; try again later' };
  }
}
