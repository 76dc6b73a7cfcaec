import type { OrganisationType, Role } from './roles';

/**
 * Who sees what, decided in one place. Pure: app/_server/session.ts loads a signed-in person's
 * profile from the database, `buildAccessScope` turns it into an AccessScope, and every route,
 * tile, export and action asks the predicates below. Anonymous visitors have no scope (null);
 * every predicate accepts null and then answers "no".
 *
 * The rules (issue "who sees what"):
 * - reporters see the signals they reported themselves, with their descriptions;
 * - coordinators see the signals of their municipalities, descriptions included, and follow
 *   them up (status changes);
 * - advisors read the signals of their municipalities, but not the free-text descriptions,
 *   which may hold personal details and which their policy work does not need;
 * - regional analysts see aggregates of their region only, never a signal point;
 * - admins manage accounts and imports and see aggregates everywhere, never a signal point;
 * - nobody sees another municipality's signal points.
 * Anything inconsistent (a coordinator without municipalities, an analyst without region, a
 * disabled account) gives less access, never more.
 */

/** What the database says about a signed-in person. */
export interface AccessProfile {
  userId: number;
  role: Role;
  organisationId: number | null;
  organisationType: OrganisationType | null;
  /** NIS codes of the municipalities the person works in. */
  municipalities: readonly string[];
  /** Regional analysts only: the region ("streekwerking") code, e.g. sw11. */
  regionCode: string | null;
  disabled: boolean;
}

/** Which signals (points, details, lists, point exports) a person may see. */
export type SignalReach =
  | { kind: 'none' }
  /** Only the signals this user reported. */
  | { kind: 'own'; userId: number }
  /** Every signal located in one of these municipalities. */
  | { kind: 'municipalities'; nis: readonly string[] };

/** Which areas' aggregates (counts, rates, cells of five or more) a person may see. */
export type AggregateReach =
  | { kind: 'none' }
  | { kind: 'municipalities'; nis: readonly string[] }
  | { kind: 'region'; regionCode: string }
  | { kind: 'all' };

export interface AccessScope {
  role: Role;
  userId: number;
  organisationId: number | null;
  organisationType: OrganisationType | null;
  municipalities: readonly string[];
  regionCode: string | null;
  signalPoints: SignalReach;
  signalDescriptions: SignalReach;
  aggregates: AggregateReach;
  canSeeSignalPoints: boolean;
  canSeeSignalDescriptions: boolean;
  canSeeAggregates: boolean;
  /** Report new signals, in one of the person's own municipalities. */
  canReportSignals: boolean;
  /** Change a signal's status (follow-up), in one of the person's own municipalities. */
  canManageSignals: boolean;
  /** Download what the person may see anyway (points without descriptions, or aggregates). */
  canExport: boolean;
  canImport: boolean;
  canManageAccounts: boolean;
  canReadAuditLog: boolean;
}

const NONE = { kind: 'none' } as const;

/** The scope of a signed-in person, or null when the account may not be used (disabled). */
export function buildAccessScope(profile: AccessProfile): AccessScope | null {
  if (profile.disabled) return null;
  const municipalities = [...new Set(profile.municipalities)].sort();
  const inMunicipalities: SignalReach =
    municipalities.length > 0 ? { kind: 'municipalities', nis: municipalities } : NONE;
  const aggregatesOfMunicipalities: AggregateReach =
    municipalities.length > 0 ? { kind: 'municipalities', nis: municipalities } : NONE;
  const base = {
    role: profile.role,
    userId: profile.userId,
    organisationId: profile.organisationId,
    organisationType: profile.organisationType,
    municipalities,
    regionCode: profile.role === 'regional_analyst' ? profile.regionCode : null,
  };
  switch (profile.role) {
    case 'reporter':
      return withFlags(base, {
        signalPoints: { kind: 'own', userId: profile.userId },
        signalDescriptions: { kind: 'own', userId: profile.userId },
        aggregates: aggregatesOfMunicipalities,
        canReportSignals: municipalities.length > 0,
        canManageSignals: false,
        canExport: false,
      });
    case 'coordinator':
      return withFlags(base, {
        signalPoints: inMunicipalities,
        signalDescriptions: inMunicipalities,
        aggregates: aggregatesOfMunicipalities,
        canReportSignals: municipalities.length > 0,
        canManageSignals: municipalities.length > 0,
        canExport: municipalities.length > 0,
      });
    case 'advisor':
      return withFlags(base, {
        signalPoints: inMunicipalities,
        signalDescriptions: NONE,
        aggregates: aggregatesOfMunicipalities,
        canReportSignals: false,
        canManageSignals: false,
        canExport: municipalities.length > 0,
      });
    case 'regional_analyst':
      return withFlags(base, {
        signalPoints: NONE,
        signalDescriptions: NONE,
        aggregates: profile.regionCode ? { kind: 'region', regionCode: profile.regionCode } : NONE,
        canReportSignals: false,
        canManageSignals: false,
        canExport: profile.regionCode !== null,
      });
    case 'admin':
      return {
        ...withFlags(base, {
          signalPoints: NONE,
          signalDescriptions: NONE,
          aggregates: { kind: 'all' },
          canReportSignals: false,
          canManageSignals: false,
          canExport: false,
        }),
        canImport: true,
        canManageAccounts: true,
        canReadAuditLog: true,
      };
    default:
      // An unknown role (a newer database, a forged value) gets nothing.
      return null;
  }
}

type Reaches = Pick<
  AccessScope,
  'signalPoints' | 'signalDescriptions' | 'aggregates' | 'canReportSignals' | 'canManageSignals' | 'canExport'
>;

function withFlags(
  base: Pick<AccessScope, 'role' | 'userId' | 'organisationId' | 'organisationType' | 'municipalities' | 'regionCode'>,
  reaches: Reaches,
): AccessScope {
  return {
    ...base,
    ...reaches,
    canSeeSignalPoints: reaches.signalPoints.kind !== 'none',
    canSeeSignalDescriptions: reaches.signalDescriptions.kind !== 'none',
    canSeeAggregates: reaches.aggregates.kind !== 'none',
    canImport: false,
    canManageAccounts: false,
    canReadAuditLog: false,
  };
}

/** What a predicate needs to know about one signal. */
export interface SignalAccessFacts {
  municipalityNis: string;
  reporterUserId: number | null;
}

/** What a predicate needs to know about an area: a municipality, or a whole region. */
export interface AreaAccessFacts {
  regionCode: string;
  /** Absent for a region-wide figure. */
  municipalityNis?: string;
}

function reaches(reach: SignalReach, signal: SignalAccessFacts): boolean {
  switch (reach.kind) {
    case 'own':
      return signal.reporterUserId !== null && signal.reporterUserId === reach.userId;
    case 'municipalities':
      return reach.nis.includes(signal.municipalityNis);
    default:
      return false;
  }
}

/** May this person see this signal as a point or in a list (category, status, place, date)? */
export function canSeeSignal(scope: AccessScope | null, signal: SignalAccessFacts): boolean {
  return scope !== null && reaches(scope.signalPoints, signal);
}

/** May this person read this signal's free-text description? */
export function canReadSignalDescription(scope: AccessScope | null, signal: SignalAccessFacts): boolean {
  return scope !== null && reaches(scope.signalDescriptions, signal) && reaches(scope.signalPoints, signal);
}

/** May this person change this signal's status? Only coordinators, in their municipalities. */
export function canChangeSignalStatus(scope: AccessScope | null, signal: SignalAccessFacts): boolean {
  return scope !== null && scope.canManageSignals && scope.municipalities.includes(signal.municipalityNis);
}

/** May this person report a signal located in this municipality? */
export function canReportSignalIn(scope: AccessScope | null, municipalityNis: string): boolean {
  return scope !== null && scope.canReportSignals && scope.municipalities.includes(municipalityNis);
}

/**
 * May this person see aggregates of this area? A municipality-bound person sees their own
 * municipalities (and their neighbourhoods), not a region-wide figure that mixes in others; an
 * analyst sees their region and the municipalities in it; an admin everything.
 */
export function canSeeAggregatesOf(scope: AccessScope | null, area: AreaAccessFacts): boolean {
  if (scope === null) return false;
  const reach = scope.aggregates;
  switch (reach.kind) {
    case 'all':
      return true;
    case 'region':
      return reach.regionCode === area.regionCode;
    case 'municipalities':
      return area.municipalityNis !== undefined && reach.nis.includes(area.municipalityNis);
    default:
      return false;
  }
}

/**
 * Which municipalities of a region this person may see signal aggregates of: all of them, none,
 * or a list (`regionMunicipalities` are the region's NIS codes). Maps, tiles and counts of a
 * region show the signals of exactly these municipalities.
 */
export function aggregateMunicipalitiesIn(
  scope: AccessScope | null,
  regionCode: string,
  regionMunicipalities: readonly string[],
): readonly string[] {
  if (scope === null) return [];
  const reach = scope.aggregates;
  switch (reach.kind) {
    case 'all':
      return regionMunicipalities;
    case 'region':
      return reach.regionCode === regionCode ? regionMunicipalities : [];
    case 'municipalities':
      return regionMunicipalities.filter((nis) => reach.nis.includes(nis));
    default:
      return [];
  }
}

/**
 * Whose signals the main map may show this person, as tile cells (five or more), per-neighbourhood
 * figures and, from z 15, generalised points: only the municipalities whose signals the person
 * sees one by one anyway (coordinators and advisors, in their own municipalities). There the
 * map's free windows and filters reveal nothing new, however they are subtracted from each other.
 * Roles that see aggregates only (reporters, regional analysts, admins) get no signal figures on
 * the main map: a time slider, filters and nested tile cells would let them subtract small
 * counts out of published ones. They see signals on the analysis pages, which draw every figure
 * from one suppressed publication per region and year. Null: no signals on the map at all.
 *
 * The substandard-dwellings layer (cells and per-neighbourhood figures over a free window) follows
 * the same rule, for the same reason: a dwelling is a household. Its records are the
 * municipality's own (the municipality declares dwellings unfit), so its coordinators and
 * advisors see them on the map; everyone else per neighbourhood and year on the analysis pages.
 */
export interface SignalTileAccess {
  cells: Exclude<AggregateReach, { kind: 'none' }>;
  points: readonly string[];
}

export function signalTileAccess(scope: AccessScope | null): SignalTileAccess | null {
  if (scope === null || scope.signalPoints.kind !== 'municipalities' || scope.signalPoints.nis.length === 0)
    return null;
  const nis = scope.signalPoints.nis;
  return { cells: { kind: 'municipalities', nis }, points: nis };
}

/** The municipalities of a region whose signals the main map shows this person (see signalTileAccess). */
export function mapSignalMunicipalitiesIn(
  scope: AccessScope | null,
  regionMunicipalities: readonly string[],
): readonly string[] {
  const access = signalTileAccess(scope);
  return access ? regionMunicipalities.filter((nis) => access.points.includes(nis)) : [];
}

/** May this person download signal points (never descriptions) of the areas they see? */
export function canExportSignalPoints(scope: AccessScope | null): boolean {
  return scope !== null && scope.canExport && scope.canSeeSignalPoints;
}

/** May this person download aggregates of the areas they see? */
export function canExportAggregates(scope: AccessScope | null): boolean {
  return scope !== null && scope.canExport && scope.canSeeAggregates;
}

/**
 * May this person record or update an action of a change plan for a neighbourhood of this
 * municipality? Coordinators for their own municipalities (they run the follow-up there), and
 * regional analysts for the municipalities of their region (regional platforms steer the pilots'
 * change plans). Advisors, reporters and admins read the plans but do not write them.
 */
export function canRecordActionIn(
  scope: AccessScope | null,
  area: AreaAccessFacts & { municipalityNis: string },
): boolean {
  if (scope === null) return false;
  if (scope.role === 'coordinator') return scope.municipalities.includes(area.municipalityNis);
  if (scope.role === 'regional_analyst')
    return scope.aggregates.kind === 'region' && scope.aggregates.regionCode === area.regionCode;
  return false;
}

export function canImport(scope: AccessScope | null): boolean {
  return scope !== null && scope.canImport;
}

export function canManageAccounts(scope: AccessScope | null): boolean {
  return scope !== null && scope.canManageAccounts;
}

export function canReadAuditLog(scope: AccessScope | null): boolean {
  return scope !== null && scope.canReadAuditLog;
}

export interface Denial {
  status: 401 | 403;
  error: string;
}

/**
 * Why a request may not go ahead, or null when it may: 401 for nobody signed in, 403 when the
 * signed-in person's scope fails the check. Route handlers send it as `{ error }`.
 */
export function scopeDenial(
  scope: AccessScope | null,
  allowed?: (scope: AccessScope) => boolean,
  reason = 'Your role does not give access to this',
): Denial | null {
  if (scope === null) return { status: 401, error: 'Sign in first: this needs an account' };
  if (allowed && !allowed(scope)) return { status: 403, error: reason };
  return null;
}
