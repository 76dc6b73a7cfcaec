import type { Translate } from '@/lib/i18n/translate';
import type { FieldError } from '@/lib/signals/report-form';

export type StatusFormField = 'toStatus' | 'outcome' | 'referredServiceId' | 'referredOrganisation' | 'note' | '_form';

/** Dictionary sentences for the status API's (and the browser's) error codes; the API's message otherwise. */
export function statusErrorMessage(t: Translate, field: string, error: FieldError): string {
  if (field === 'fromStatus' && error.code === 'stale') return t('status.error.stale');
  if (field === 'toStatus') return t('status.error.toStatus');
  if (field === 'outcome')
    return error.code === 'required' ? t('status.error.outcomeRequired') : t('status.error.outcome');
  if (field === 'referredServiceId') return t('status.error.service');
  if (field === 'referredOrganisation') {
    if (error.code === 'required') return t('status.error.referralRequired');
    if (error.code === 'personal_data') return t('status.error.organisationPersonal');
    return t('status.error.organisation');
  }
  if (field === 'note') {
    if (error.code === 'required') return t('status.error.noteRequired');
    if (error.code === 'personal_data') return t('status.error.notePersonal');
    return t('status.error.note');
  }
  return error.message;
}
