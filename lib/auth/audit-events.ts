import { z } from 'zod';

/**
 * What the audit log records: who did what, when, to which record, never personal content.
 * Add an event here before writing it; the writer (db/queries/audit-log.ts) refuses others.
 */
export const AUDIT_EVENTS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_in_throttled',
  'auth.sign_out',
  'auth.sessions_revoked',
  'account.created',
  'account.disabled',
  'signal.reported',
  'signal.status_changed',
  'export.signals',
  'export.aggregates',
  'import.completed',
  'import.undone',
  'action.recorded',
  'action.status_changed',
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/**
 * Details are a flat object of short codes and numbers (a status, a count, a layer, a reason):
 * no nesting, and no free text that could carry a name, an e-mail address or a description.
 */
const detailValue = z.union([
  z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_.:\-]*$/, 'must be a short code (letters, digits, _ . : -), not free text'),
  z.number().finite(),
  z.boolean(),
  z.null(),
]);
const FORBIDDEN_KEYS =
  /^(email|e_mail|mail|name|first_name|last_name|description|text|comment|note|password|address|phone|ip|ip_address)$/i;

export const auditDetails = z.record(
  z
    .string()
    .regex(/^[a-z][a-z_]*$/, 'detail keys are snake_case')
    .refine((key) => !FORBIDDEN_KEYS.test(key), {
      message: 'detail key names personal content',
    }),
  detailValue,
);
export type AuditDetails = z.infer<typeof auditDetails>;

export interface AuditEntry {
  event: AuditEvent;
  /** The signed-in person who acted; null for an anonymous attempt (e.g. a failed sign-in). */
  actorUserId: number | null;
  target?: { kind: string; id: string | number };
  details?: AuditDetails;
}

export const auditEntry = z.object({
  event: z.enum(AUDIT_EVENTS),
  actorUserId: z.number().int().positive().nullable(),
  target: z
    .object({
      kind: z.string().regex(/^[a-z][a-z_]*$/, 'target kind is snake_case'),
      id: z.union([z.number().int(), z.string().regex(/^[A-Za-z0-9_\-]{1,64}$/, 'target id is a code or number')]),
    })
    .optional(),
  details: auditDetails.optional(),
});
