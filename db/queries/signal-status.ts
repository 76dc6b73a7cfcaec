import 'server-only';
import { type Kysely, sql } from 'kysely';
import { type AccessScope, canChangeSignalStatus } from '@/lib/auth/access';
import type { SignalStatus } from '@/lib/signals/categories';
import type { FieldError } from '@/lib/signals/report-form';
import { type SignalOutcome, type StatusChange, canMoveTo } from '@/lib/signals/status-workflow';
import type { Database } from '../schema';
import { writeAuditLog } from './audit-log';
import { bumpSignalsLayerVersion, inTransaction } from './signals';

/** One step in a signal's follow-up, as the person asking may see it. */
export interface StatusChangeEntry {
  fromStatus: SignalStatus;
  toStatus: SignalStatus;
  changedAt: Date;
  outcome: SignalOutcome | null;
  /** Coordinators only ('full' history): where it was referred to, the note and who acted. */
  referredServiceName: string | null;
  referredOrganisation: string | null;
  note: string | null;
  changedByName: string | null;
}

/**
 * A signal's history, oldest first. 'statuses' (reporters, advisors) gives which status and
 * when, and the outcome; 'full' (the municipality's coordinators) adds the referral, the note
 * and who made the change.
 */
export async function listStatusChanges(
  db: Kysely<Database>,
  signalId: number,
  detail: 'full' | 'statuses',
): Promise<StatusChangeEntry[]> {
  const rows = await db
    .selectFrom('signal_status_changes as c')
    .leftJoin('services as sv', 'sv.id', 'c.referred_service_id')
    .leftJoin('users as u', 'u.id', 'c.changed_by')
    .select([
      'c.from_status',
      'c.to_status',
      'c.changed_at',
      'c.outcome',
      'c.referred_organisation',
      'c.note',
      'sv.name as service_name',
      'u.name as user_name',
    ])
    .where('c.signal_id', '=', signalId)
    .orderBy('c.changed_at')
    .orderBy('c.id')
    .execute();
  const full = detail === 'full';
  return rows.map((row) => ({
    fromStatus: row.from_status,
    toStatus: row.to_status,
    changedAt: row.changed_at,
    outcome: row.outcome,
    referredServiceName: full ? row.service_name : null,
    referredOrganisation: full ? row.referred_organisation : null,
    note: full ? row.note : null,
    changedByName: full ? row.user_name : null,
  }));
}

export type ChangeStatusResult =
  { ok: true; status: SignalStatus } | { ok: false; status: 400 | 404 | 409; errors: Record<string, FieldError> };

/**
 * Moves a signal one step forward in its follow-up and records who did it and when. Refused
 * (nothing written) when the person may not change this signal (404: the same answer as no
 * signal, so ids of other municipalities give nothing away), when someone else changed it in
 * the meantime (409: `fromStatus` is no longer current), or when a referred service is unknown.
 * The status update and its history row are one transaction, with a row lock on the signal.
 */
export async function changeSignalStatus(
  db: Kysely<Database>,
  scope: AccessScope,
  signalId: number,
  change: StatusChange,
): Promise<ChangeStatusResult> {
  return inTransaction(db, async (trx): Promise<ChangeStatusResult> => {
    const signal = await trx
      .selectFrom('signals')
      .select(['id', 'status', 'municipality_nis', 'reporter_user_id'])
      .where('id', '=', signalId)
      .forUpdate()
      .executeTakeFirst();
    const facts = signal && {
      municipalityNis: signal.municipality_nis,
      reporterUserId: signal.reporter_user_id === null ? null : Number(signal.reporter_user_id),
    };
    if (!signal || !facts || !canChangeSignalStatus(scope, facts)) {
      return {
        ok: false,
        status: 404,
        errors: { _form: { code: 'not_found', message: 'There is no signal with this number that you follow up' } },
      };
    }
    if (signal.status !== change.fromStatus) {
      return {
        ok: false,
        status: 409,
        errors: {
          fromStatus: {
            code: 'stale',
            message: `is no longer current: the signal is now ${signal.status}; reload to see the change`,
          },
        },
      };
    }
    if (!canMoveTo(signal.status, change.toStatus)) {
      return {
        ok: false,
        status: 400,
        errors: { toStatus: { code: 'not_allowed', message: `cannot follow ${signal.status}` } },
      };
    }
    if (change.referredServiceId !== null) {
      // The pick list offers the signal's municipality's services; anything else is named as an organisation.
      const service = await trx
        .selectFrom('services')
        .select('id')
        .where('id', '=', change.referredServiceId)
        .where('municipality_nis', '=', signal.municipality_nis)
        .executeTakeFirst();
      if (!service) {
        return {
          ok: false,
          status: 400,
          errors: {
            referredServiceId: {
              code: 'unknown_service',
              message:
                "is not a service in the signal's municipality: pick one from the list, or name the organisation",
            },
          },
        };
      }
    }
    await trx
      .insertInto('signal_status_changes')
      .values({
        signal_id: signalId,
        from_status: signal.status,
        to_status: change.toStatus,
        outcome: change.outcome,
        referred_service_id: change.referredServiceId,
        referred_organisation: change.referredOrganisation,
        note: change.note,
        changed_by: scope.userId,
        changed_at: sql<Date>`clock_timestamp()`,
      })
      .execute();
    await trx.updateTable('signals').set({ status: change.toStatus }).where('id', '=', signalId).execute();
    await writeAuditLog(trx, {
      event: 'signal.status_changed',
      actorUserId: scope.userId,
      target: { kind: 'signal', id: signalId },
      details: {
        from: signal.status,
        to: change.toStatus,
        outcome: change.outcome,
        municipality: signal.municipality_nis,
      },
    });
    await bumpSignalsLayerVersion(trx);
    return { ok: true, status: change.toStatus };
  });
}

/** A service a coordinator can refer to: the pick list of the status form. */
export interface ReferralService {
  id: number;
  name: string;
  serviceType: string;
}

/** The services located in a municipality, by name: where its signals can be referred to. */
export async function listReferralServices(db: Kysely<Database>, municipalityNis: string): Promise<ReferralService[]> {
  const rows = await db
    .selectFrom('services')
    .select(['id', 'name', 'service_type'])
    .where('municipality_nis', '=', municipalityNis)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: Number(row.id), name: row.name, serviceType: row.service_type }));
}
