import { z } from 'zod';
import { AUDIT_EVENTS } from './audit-events';

/**
 * The audit page's query string: `?gebeurtenis=import.completed&pagina=2`. Only event codes and
 * a page number, so the URL never carries anything personal.
 */
export const AUDIT_PAGE_SIZE = 50;

const query = z.strictObject({
  gebeurtenis: z.enum(AUDIT_EVENTS).optional(),
  pagina: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/, 'must be a page number')
    .transform(Number)
    .optional(),
});

export type AuditQuery =
  { ok: true; event: (typeof AUDIT_EVENTS)[number] | undefined; page: number } | { ok: false; error: string };

export function parseAuditQuery(search: Record<string, string | string[] | undefined>): AuditQuery {
  const single = Object.fromEntries(
    Object.entries(search).map(([key, value]) => [
      key,
      Array.isArray(value) ? value : value === '' ? undefined : value,
    ]),
  );
  const parsed = query.safeParse(single);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue?.path.join('.') || 'query'} ${issue?.message ?? 'is invalid'}` };
  }
  return { ok: true, event: parsed.data.gebeurtenis, page: parsed.data.pagina ?? 1 };
}
