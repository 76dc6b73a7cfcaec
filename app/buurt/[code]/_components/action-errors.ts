const FIELDS = ['title', 'owner', 'startDate', 'kind', 'status', 'category'] as const;

/**
 * The dictionary's sentence for an error of a field of the action form; the server's own
 * (English) message only for a field the form does not know.
 */
export function actionErrorKey(field: string): `actions.error.${(typeof FIELDS)[number]}` | null {
  return (FIELDS as readonly string[]).includes(field) ? `actions.error.${field as (typeof FIELDS)[number]}` : null;
}
