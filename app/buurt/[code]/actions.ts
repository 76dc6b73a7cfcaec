'use server';

import { revalidatePath } from 'next/cache';
import { insertNeighbourhoodAction, updateNeighbourhoodActionStatus } from '@/db/queries/analysis/actions';
import { getDb } from '@/db/server';
import { actionFormSchema, actionStatusSchema } from '@/lib/analysis/actions';
import { canRecordActionIn } from '@/lib/auth/access';
import { lookupNeighbourhood } from '@/app/_server/analysis/profile-data';

export type ActionFormState =
  | { ok: true; id: number }
  | {
      ok: false;
      error?: string;
      errors?: Record<string, { code: string; message: string }>;
      values?: Record<string, string>;
    }
  | null;

/** Records an action for the neighbourhood; only roles that may (lib/auth/access.ts). */
export async function recordAction(
  code: string,
  _previous: ActionFormState,
  formData: FormData,
): Promise<ActionFormState> {
  const access = await lookupNeighbourhood(code);
  if (!access.ok) return { ok: false, error: access.status === 401 ? 'sign_in' : 'not_found' };
  const { place, scope } = access;
  if (!canRecordActionIn(scope, { regionCode: place.regionCode, municipalityNis: place.municipalityNis }))
    return { ok: false, error: 'forbidden' };
  const parsed = actionFormSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const errors: Record<string, { code: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      errors[field] ??= { code: issue.code, message: issue.message };
    }
    // The form is reset after every submission: send the values back so nothing typed is lost.
    const values = Object.fromEntries(
      [...formData].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    return { ok: false, errors, values };
  }
  const id = await insertNeighbourhoodAction(
    await getDb(),
    { neighbourhoodCode: place.code, municipalityNis: place.municipalityNis },
    parsed.data,
    scope.userId,
  );
  revalidatePath(`/buurt/${place.code}`);
  return { ok: true, id };
}

/** Changes the status of one of the neighbourhood's actions. */
export async function changeActionStatus(code: string, formData: FormData): Promise<void> {
  const access = await lookupNeighbourhood(code);
  if (!access.ok) return;
  const { place, scope } = access;
  if (!canRecordActionIn(scope, { regionCode: place.regionCode, municipalityNis: place.municipalityNis })) return;
  const parsed = actionStatusSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  await updateNeighbourhoodActionStatus(await getDb(), place.code, parsed.data.id, parsed.data.status, scope.userId);
  revalidatePath(`/buurt/${place.code}`);
}
