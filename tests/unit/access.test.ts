import { describe, expect, it } from 'vitest';
import {
  type AccessProfile,
  type AccessScope,
  aggregateMunicipalitiesIn,
  buildAccessScope,
  canChangeSignalStatus,
  canExportAggregates,
  canExportSignalPoints,
  canImport,
  canManageAccounts,
  canReadAuditLog,
  canReadSignalDescription,
  canReportSignalIn,
  canSeeAggregatesOf,
  canSeeSignal,
  scopeDenial,
  mapSignalMunicipalitiesIn,
  signalTileAccess,
} from '@/lib/auth/access';
import { ORGANISATION_TYPES, ROLES, type Role } from '@/lib/auth/roles';
import { ORGANISATION_TYPES_0003, ROLES_0003 } from '@/db/migrations/2026_11_23_0003_accounts';

const BALEN = '13003';
const RAVELS = '13035';
const KEMPEN = 'sw11';
const VOORKEMPEN = 'sw12';

function profile(role: Role, overrides: Partial<AccessProfile> = {}): AccessProfile {
  return {
    userId: 7,
    role,
    organisationId: 3,
    organisationType: role === 'reporter' ? 'gp_practice' : 'municipality',
    municipalities: role === 'regional_analyst' || role === 'admin' ? [] : [BALEN],
    regionCode: role === 'regional_analyst' ? KEMPEN : null,
    disabled: false,
    ...overrides,
  };
}

function scopeOf(role: Role, overrides: Partial<AccessProfile> = {}): AccessScope {
  const scope = buildAccessScope(profile(role, overrides));
  if (!scope) throw new Error(`no scope for ${role}`);
  return scope;
}

const ownSignalInBalen = { municipalityNis: BALEN, reporterUserId: 7 };
const othersSignalInBalen = { municipalityNis: BALEN, reporterUserId: 99 };
const importedSignalInBalen = { municipalityNis: BALEN, reporterUserId: null };
const signalInRavels = { municipalityNis: RAVELS, reporterUserId: 99 };
const ownSignalInRavels = { municipalityNis: RAVELS, reporterUserId: 7 };

describe('reporter', () => {
  const scope = scopeOf('reporter');

  it('sees and reads only the signals they reported', () => {
    expect(canSeeSignal(scope, ownSignalInBalen)).toBe(true);
    expect(canReadSignalDescription(scope, ownSignalInBalen)).toBe(true);
    expect(canSeeSignal(scope, othersSignalInBalen)).toBe(false);
    expect(canReadSignalDescription(scope, othersSignalInBalen)).toBe(false);
    expect(canSeeSignal(scope, importedSignalInBalen)).toBe(false);
    expect(scope.signalPoints).toEqual({ kind: 'own', userId: 7 });
  });

  it('reports in their own municipality only, and follows nothing up', () => {
    expect(canReportSignalIn(scope, BALEN)).toBe(true);
    expect(canReportSignalIn(scope, RAVELS)).toBe(false);
    expect(canChangeSignalStatus(scope, ownSignalInBalen)).toBe(false);
  });

  it('sees aggregates of their municipality, exports and imports nothing', () => {
    expect(canSeeAggregatesOf(scope, { regionCode: KEMPEN, municipalityNis: BALEN })).toBe(true);
    expect(canSeeAggregatesOf(scope, { regionCode: KEMPEN, municipalityNis: RAVELS })).toBe(false);
    expect(canSeeAggregatesOf(scope, { regionCode: KEMPEN })).toBe(false);
    expect([
      canExportSignalPoints(scope),
      canExportAggregates(scope),
      canImport(scope),
      canManageAccounts(scope),
    ]).toEqual([false, false, false, false]);
  });
});

describe('coordinator', () => {
  const scope = scopeOf('coordinator');

  it('sees every signal of their municipality with its description, and none elsewhere', () => {
    for (const signal of [ownSignalInBalen, othersSignalInBalen, importedSignalInBalen]) {
      expect(canSeeSignal(scope, signal)).toBe(true);
      expect(canReadSignalDescription(scope, signal)).toBe(true);
    }
    expect(canSeeSignal(scope, signalInRavels)).toBe(false);
    expect(canReadSignalDescription(scope, signalInRavels)).toBe(false);
  });

  it('changes the status of signals in their municipality only', () => {
    expect(canChangeSignalStatus(scope, othersSignalInBalen)).toBe(true);
    expect(canChangeSignalStatus(scope, signalInRavels)).toBe(false);
  });

  it('exports points and aggregates, imports nothing', () => {
    expect(canExportSignalPoints(scope)).toBe(true);
    expect(canExportAggregates(scope)).toBe(true);
    expect(canImport(scope)).toBe(false);
  });

  it('even a signal they reported themselves in another municipality stays out of reach', () => {
    expect(canSeeSignal(scope, ownSignalInRavels)).toBe(false);
  });
});

describe('advisor', () => {
  const scope = scopeOf('advisor', { municipalities: [RAVELS] });

  it('reads the signals of their municipality without descriptions', () => {
    expect(canSeeSignal(scope, signalInRavels)).toBe(true);
    expect(canReadSignalDescription(scope, signalInRavels)).toBe(false);
    expect(scope.canSeeSignalDescriptions).toBe(false);
  });

  it('sees nothing of a foreign municipality', () => {
    expect(canSeeSignal(scope, othersSignalInBalen)).toBe(false);
    expect(canSeeAggregatesOf(scope, { regionCode: KEMPEN, municipalityNis: BALEN })).toBe(false);
  });

  it('changes nothing and reports nothing', () => {
    expect(canChangeSignalStatus(scope, signalInRavels)).toBe(false);
    expect(canReportSignalIn(scope, RAVELS)).toBe(false);
  });
});

describe('regional analyst', () => {
  const scope = scopeOf('regional_analyst');

  it('never sees a signal point, even in their region', () => {
    for (const signal of [ownSignalInBalen, othersSignalInBalen, signalInRavels]) {
      expect(canSeeSignal(scope, signal)).toBe(false);
      expect(canReadSignalDescription(scope, signal)).toBe(false);
    }
    expect(canExportSignalPoints(scope)).toBe(false);
  });

  it('sees aggregates of their region and its municipalities, not of another region', () => {
    expect(canSeeAggregatesOf(scope, { regionCode: KEMPEN })).toBe(true);
    expect(canSeeAggregatesOf(scope, { regionCode: KEMPEN, municipalityNis: BALEN })).toBe(true);
    expect(canSeeAggregatesOf(scope, { regionCode: VOORKEMPEN })).toBe(false);
    expect(canSeeAggregatesOf(scope, { regionCode: VOORKEMPEN, municipalityNis: '11002' })).toBe(false);
    expect(canExportAggregates(scope)).toBe(true);
  });

  it('has no region code unless they are an analyst', () => {
    expect(scopeOf('coordinator', { regionCode: KEMPEN }).regionCode).toBeNull();
    expect(scope.regionCode).toBe(KEMPEN);
  });
});

describe('admin', () => {
  const scope = scopeOf('admin');

  it('manages accounts, imports and reads the audit log', () => {
    expect([canImport(scope), canManageAccounts(scope), canReadAuditLog(scope)]).toEqual([true, true, true]);
  });

  it('sees aggregates everywhere but no signal point and no description', () => {
    expect(canSeeAggregatesOf(scope, { regionCode: VOORKEMPEN })).toBe(true);
    expect(canSeeSignal(scope, othersSignalInBalen)).toBe(false);
    expect(canReadSignalDescription(scope, othersSignalInBalen)).toBe(false);
    expect(canChangeSignalStatus(scope, othersSignalInBalen)).toBe(false);
  });

  it('does not gain signal access from a membership', () => {
    expect(canSeeSignal(scopeOf('admin', { municipalities: [BALEN] }), othersSignalInBalen)).toBe(false);
  });
});

describe('no access', () => {
  it('anonymous visitors (no scope) are refused everything', () => {
    expect(canSeeSignal(null, ownSignalInBalen)).toBe(false);
    expect(canReadSignalDescription(null, ownSignalInBalen)).toBe(false);
    expect(canSeeAggregatesOf(null, { regionCode: KEMPEN, municipalityNis: BALEN })).toBe(false);
    expect(canReportSignalIn(null, BALEN)).toBe(false);
    expect([canImport(null), canManageAccounts(null), canReadAuditLog(null), canExportAggregates(null)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('a disabled account has no scope', () => {
    expect(buildAccessScope(profile('coordinator', { disabled: true }))).toBeNull();
  });

  it('inconsistent data gives less access, never more', () => {
    const coordinatorWithoutArea = scopeOf('coordinator', { municipalities: [] });
    expect(coordinatorWithoutArea.canSeeSignalPoints).toBe(false);
    expect(coordinatorWithoutArea.canManageSignals).toBe(false);
    expect(canSeeAggregatesOf(coordinatorWithoutArea, { regionCode: KEMPEN, municipalityNis: BALEN })).toBe(false);
    const analystWithoutRegion = scopeOf('regional_analyst', { regionCode: null });
    expect(analystWithoutRegion.canSeeAggregates).toBe(false);
    expect(canSeeAggregatesOf(analystWithoutRegion, { regionCode: KEMPEN })).toBe(false);
    expect(buildAccessScope(profile('superuser' as Role))).toBeNull();
  });
});

describe('scopeDenial', () => {
  const coordinator = scopeOf('coordinator');

  it('answers 401 for anonymous, 403 with the reason for a failed check, nothing when allowed', () => {
    expect(scopeDenial(null)).toEqual({ status: 401, error: expect.stringMatching(/sign in/i) });
    expect(scopeDenial(coordinator, canImport, 'Only administrators import')).toEqual({
      status: 403,
      error: 'Only administrators import',
    });
    expect(scopeDenial(coordinator, (scope) => canSeeSignal(scope, othersSignalInBalen))).toBeNull();
    expect(scopeDenial(coordinator)).toBeNull();
  });
});

describe('catalogues', () => {
  it('the accounts migration allows exactly the roles and organisation types the app knows', () => {
    expect([...ROLES_0003]).toEqual([...ROLES]);
    expect([...ORGANISATION_TYPES_0003]).toEqual([...ORGANISATION_TYPES]);
  });
});

describe('signal aggregates within a region', () => {
  const kempen = ['13003', '13035', '13040'];
  const profile = (role: AccessProfile['role'], extra: Partial<AccessProfile> = {}): AccessProfile => ({
    userId: 7,
    role,
    organisationId: 1,
    organisationType: null,
    municipalities: ['13003'],
    regionCode: null,
    disabled: false,
    ...extra,
  });
  it('gives each role exactly its municipalities', () => {
    expect(aggregateMunicipalitiesIn(null, 'sw11', kempen)).toEqual([]);
    expect(aggregateMunicipalitiesIn(buildAccessScope(profile('coordinator')), 'sw11', kempen)).toEqual(['13003']);
    expect(
      aggregateMunicipalitiesIn(buildAccessScope(profile('advisor', { municipalities: ['13035'] })), 'sw11', kempen),
    ).toEqual(['13035']);
    expect(
      aggregateMunicipalitiesIn(buildAccessScope(profile('advisor', { municipalities: ['44021'] })), 'sw11', kempen),
    ).toEqual([]);
    expect(
      aggregateMunicipalitiesIn(
        buildAccessScope(profile('regional_analyst', { regionCode: 'sw11', municipalities: [] })),
        'sw11',
        kempen,
      ),
    ).toEqual(kempen);
    expect(
      aggregateMunicipalitiesIn(
        buildAccessScope(profile('regional_analyst', { regionCode: 'sw12', municipalities: [] })),
        'sw11',
        kempen,
      ),
    ).toEqual([]);
    expect(
      aggregateMunicipalitiesIn(buildAccessScope(profile('admin', { municipalities: [] })), 'sw11', kempen),
    ).toEqual(kempen);
  });
});

describe('signals on the main map', () => {
  it('are for those who see the signals one by one: coordinators and advisors, in their own municipalities', () => {
    expect(signalTileAccess(scopeOf('coordinator'))).toEqual({
      cells: { kind: 'municipalities', nis: [BALEN] },
      points: [BALEN],
    });
    expect(signalTileAccess(scopeOf('advisor', { municipalities: [RAVELS] }))).toEqual({
      cells: { kind: 'municipalities', nis: [RAVELS] },
      points: [RAVELS],
    });
    expect(mapSignalMunicipalitiesIn(scopeOf('coordinator'), [BALEN, RAVELS, '13040'])).toEqual([BALEN]);
  });

  it('are not for roles that see aggregates only (they subtract windows and cells): those see the analysis pages', () => {
    for (const role of ['reporter', 'regional_analyst', 'admin'] as const) {
      expect(signalTileAccess(scopeOf(role)), role).toBeNull();
      expect(mapSignalMunicipalitiesIn(scopeOf(role), [BALEN, RAVELS]), role).toEqual([]);
    }
  });

  it('are not for visitors, nor for a coordinator without municipalities', () => {
    expect(signalTileAccess(null)).toBeNull();
    expect(signalTileAccess(scopeOf('coordinator', { municipalities: [] }))).toBeNull();
  });
});
