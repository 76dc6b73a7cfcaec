import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import type { Translate } from '@/lib/i18n/translate';

/**
 * The dictionary's sentence for an error of the new-account form, by field (and code where
 * one field has several); the server's own (English) message for anything else.
 */
export function accountErrorMessage(t: Translate, field: string, error: { code: string; message: string }): string {
  switch (field) {
    case 'name':
      return t('admin.accounts.error.name');
    case 'email':
      return error.code === 'taken' ? t('admin.accounts.error.emailTaken') : t('admin.accounts.error.email');
    case 'password':
      return t('admin.accounts.error.password', { min: MIN_PASSWORD_LENGTH });
    case 'role':
      return t('admin.accounts.error.role');
    case 'organisation':
      return t('admin.accounts.error.organisation');
    case 'newOrganisationName':
      return t('admin.accounts.error.newOrganisationName');
    case 'newOrganisationType':
      return t('admin.accounts.error.newOrganisationType');
    case 'municipalities':
      return t('admin.accounts.error.municipalities');
    case 'regionCode':
      return t('admin.accounts.error.regionCode');
    case '_form':
      return error.code === 'not_found' ? t('admin.accounts.error.notFound') : error.message;
    default:
      return error.message;
  }
}
