import type { Translate } from '@/lib/i18n/translate';
import type { FieldError } from '@/lib/signals/report-form';

/** Where the form shows an error: lon, lat and the server's "location" all belong to the place. */
export type ReportFormField =
  | 'place'
  | 'category'
  | 'subcategory'
  | 'urgency'
  | 'description'
  | 'followUpRequested'
  | 'partnerType'
  | 'observedOn'
  | '_form';

export function formFieldOf(field: string): ReportFormField {
  if (field === 'lon' || field === 'lat' || field === 'location') return 'place';
  if (
    ['category', 'subcategory', 'urgency', 'description', 'followUpRequested', 'partnerType', 'observedOn'].includes(
      field,
    )
  )
    return field as ReportFormField;
  return '_form';
}

/**
 * The Dutch (or English) message for an error of the report API or of the same checks run in
 * the browser. Known codes get a sentence of the dictionary; anything else shows the API's
 * own message, which names the field and the problem in English.
 */
export function reportErrorMessage(t: Translate, field: ReportFormField, error: FieldError): string {
  switch (field) {
    case 'place':
      if (error.code === 'outside_your_municipalities') return t('report.error.placeOutsideMunicipality');
      if (error.code === 'outside_neighbourhoods' || error.code === 'outside_flanders')
        return t('report.error.placeOutside');
      return t('report.error.placeRequired');
    case 'category':
      return t('report.error.category');
    case 'subcategory':
      return t('report.error.subcategory');
    case 'description':
      if (error.code === 'personal_data') return t('report.error.personalData');
      if (error.code === 'too_big') return t('report.error.descriptionLong');
      return t('report.error.descriptionShort');
    case 'observedOn':
      if (error.code === 'in_future') return t('report.error.observedFuture');
      if (error.code === 'too_old') return t('report.error.observedOld');
      return t('report.error.observedInvalid');
    case 'partnerType':
      return t('report.error.partnerType');
    default:
      return error.message;
  }
}
