import { VectorTile } from '@mapbox/vector-tile';
import { expect } from '@playwright/test';
import { PbfReader } from 'pbf';

/**
 * THE ACCESS MATRIX: every page, route handler and server action of the app, with the status
 * each kind of visitor must get and what else to check. tests/e2e/access.e2e.ts finds every
 * entry point on disk (tests/e2e/access/discover.ts) and FAILS when one is missing here (or an
 * entry here no longer exists), then walks every probe as every actor and fails on a wrong
 * status, a personal answer without `Cache-Control: private, no-store`, or a body holding a
 * description, id or point of a signal the actor may not see (tests/e2e/access/leaks.ts).
 *
 * Adding a route (other teams: please do, in your own block, sorted by key):
 *   'GET /api/things/[id]': {
 *     personal: true,                      // answers depend on who asks: must be no-store
 *     probes: [{
 *       name: 'a thing of Balen',
 *       request: ({ fixtures }) => ({ method: 'GET', path: `/api/things/${fixtures.fresh.id}` }),
 *       // Statuses in the order of ACTORS: anonymous, reporter, coordinator (Balen),
 *       // advisor (Ravels: the foreign municipality), analyst (Kempen), admin.
 *       expect: by(401, 200, 200, 404, 403, 403),
 *       inspect: (answer, { actor }) => { ... extra expect()s on the answer ... },
 *     }],
 *   },
 * A probe's `request` may return `json` (sent as application/json), `form` (multipart, like a
 * form without JavaScript; server actions get their id from the build) and `headers`. Redirects
 * are not followed unless `followRedirects`; give several statuses as an array when a route
 * may answer either (e.g. 200 or 204). Leaks are checked on every answer automatically; ids
 * of real rows come from `fixtures` (tests/e2e/access.e2e.ts sets them up).
 */
export const ACTORS = ['anonymous', 'reporter', 'coordinator', 'advisor', 'analyst', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];
export type Expected = number | readonly number[];
export type PerActor = Readonly<Record<Actor, Expected>>;

/** Statuses per actor, in the order of ACTORS. */
export const by = (
  anonymous: Expected,
  reporter: Expected,
  coordinator: Expected,
  advisor: Expected,
  analyst: Expected,
  admin: Expected,
): PerActor => ({ anonymous, reporter, coordinator, advisor, analyst, admin });
export const everyone = (status: Expected): PerActor => by(status, status, status, status, status, status);

export interface SignalRef {
  id: number;
  lon: number;
  lat: number;
  status: string;
}

export interface Fixtures {
  /** Text only in the description of `fresh`. */
  marker: string;
  /** Reported in Balen by the demo reporter during this run, with `marker` in its description. */
  fresh: SignalRef;
  /** A demo signal of Balen reported by the demo reporter. */
  balenOwn: SignalRef;
  /** A signal of Balen reported by another partner. */
  balenOther: SignalRef;
  /** A new signal of Ravels (the advisor's municipality; foreign to everyone else). */
  ravels: SignalRef;
  /** A point inside Balen and one inside Ravels, for reports. */
  balenPlace: { lon: number; lat: number };
  ravelsPlace: { lon: number; lat: number };
  /** A service (public information). */
  serviceId: number;
}

export interface ProbeContext {
  fixtures: Fixtures;
  actor: Actor;
  actionId: (key: string) => string;
  origin: string;
}
export interface ProbeRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
}
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  text: string;
}
export interface Probe {
  name: string;
  request: (context: ProbeContext) => ProbeRequest;
  expect: PerActor;
  followRedirects?: boolean;
  inspect?: (answer: Answer, context: ProbeContext) => void | Promise<void>;
  /** Walked after every other probe of the actor (e.g. it ends the actor's session). */
  last?: boolean;
}
export interface RouteSpec {
  personal?: boolean;
  probes: Probe[];
}

const BALEN = '13003';
const RAVELS = '13035';
const get = (path: string) => (): ProbeRequest => ({ method: 'GET', path });
const json = (answer: Answer) => JSON.parse(answer.text) as unknown;

/** Signal tiles carry cells of five or more, never a point, an id or anything but the count. */
function onlyPrivateCells(answer: Answer) {
  if (answer.status !== 200) return;
  const tile = new VectorTile(new PbfReader(new Uint8Array(answer.body)));
  for (const layer of Object.values(tile.layers)) {
    for (let i = 0; i < layer.length; i++) {
      const feature = layer.feature(i);
      expect(feature.id ?? null).toBeNull();
      expect(Object.keys(feature.properties)).toEqual(['count']);
      expect(Number(feature.properties.count)).toBeGreaterThanOrEqual(5);
    }
  }
}

/** A coordinator's signal tile from z 15: generalised points with category and status only, the given signal among them. */
function pointsOfBalen(answer: Answer, signalId: number) {
  if (answer.status !== 200) return;
  const layer = new VectorTile(new PbfReader(new Uint8Array(answer.body))).layers.signals;
  expect(layer, 'a signals layer').toBeDefined();
  const ids: number[] = [];
  for (let i = 0; i < layer!.length; i++) {
    const feature = layer!.feature(i);
    expect(Object.keys(feature.properties).sort()).toEqual(['category', 'demo', 'status']);
    ids.push(Number(feature.id));
  }
  expect(ids).toContain(signalId);
}

/** XYZ tile of a point at zoom z (Web Mercator). */
export function tileOf(lon: number, lat: number, z: number): string {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
  return `${z}/${x}/${y}`;
}

const report = (place: { lon: number; lat: number }, marker: string) => ({
  category: 'mobility',
  urgency: 'low',
  description: `Walk: geen vervoer naar de markt meer (${marker}).`,
  followUpRequested: false,
  partnerType: 'gp_practice',
  lon: place.lon,
  lat: place.lat,
  idempotencyKey: crypto.randomUUID(),
});

export const ACCESS_MATRIX: Record<string, RouteSpec> = {
  // --- pages
  'GET /': {
    personal: true,
    probes: [{ name: 'home redirects to the map', request: get('/'), expect: everyone(307) }],
  },
  'GET /aanmelden': {
    personal: true,
    probes: [{ name: 'sign-in page', request: get('/aanmelden'), expect: everyone(200) }],
  },
  'GET /kaart/[[...area]]': {
    personal: true,
    probes: [
      { name: 'region map', request: get('/kaart/sw11'), expect: everyone(200) },
      { name: 'municipality map', request: get(`/kaart/sw11/${BALEN}`), expect: everyone(200) },
      { name: 'unknown region', request: get('/kaart/zz99'), expect: everyone(404) },
    ],
  },

  // --- signals (issue 4)
  'GET /melden': {
    personal: true,
    probes: [{ name: 'report form', request: get('/melden'), expect: by(307, 200, 200, 403, 403, 403) }],
  },
  'GET /meldingen': {
    personal: true,
    probes: [
      { name: 'signal list', request: get('/meldingen'), expect: by(307, 200, 200, 200, 403, 403) },
      {
        name: 'filtered list',
        request: get('/meldingen?status=new&category=loneliness&page=2'),
        expect: by(307, 200, 200, 200, 403, 403),
      },
      { name: 'bad filter', request: get('/meldingen?status=bogus&x=1'), expect: by(307, 200, 200, 200, 403, 403) },
    ],
  },
  'GET /meldingen/[id]': {
    personal: true,
    probes: [
      {
        name: 'the signal reported this run (Balen, own for the reporter)',
        request: ({ fixtures }) => ({ method: 'GET', path: `/meldingen/${fixtures.fresh.id}` }),
        expect: by(307, 200, 200, 404, 403, 403),
        inspect: (answer, { actor, fixtures }) => {
          if (actor === 'reporter' || actor === 'coordinator') expect(answer.text).toContain(fixtures.marker);
        },
      },
      {
        name: 'a Balen signal of another partner',
        request: ({ fixtures }) => ({ method: 'GET', path: `/meldingen/${fixtures.balenOther.id}` }),
        expect: by(307, 404, 200, 404, 403, 403),
      },
      {
        name: 'a Ravels signal',
        request: ({ fixtures }) => ({ method: 'GET', path: `/meldingen/${fixtures.ravels.id}` }),
        expect: by(307, 404, 404, 200, 403, 403),
      },
      { name: 'no such signal', request: get('/meldingen/999999999'), expect: by(307, 404, 404, 404, 403, 403) },
      { name: 'not a number', request: get('/meldingen/abc'), expect: by(307, 404, 404, 404, 403, 403) },
    ],
  },
  'GET /api/signals': {
    personal: true,
    probes: [
      {
        name: 'the visible signals',
        request: get('/api/signals?pageSize=100'),
        expect: by(401, 200, 200, 200, 403, 403),
        inspect: (answer, { actor }) => {
          if (answer.status !== 200) return;
          const { items } = json(answer) as { items: Record<string, unknown>[] };
          expect(items.length).toBeGreaterThan(0);
          for (const item of items) {
            expect(item).not.toHaveProperty('description');
            if (actor === 'reporter') expect(item.own).toBe(true);
            expect(item.municipalityNis).toBe(actor === 'advisor' ? RAVELS : BALEN);
          }
        },
      },
      { name: 'bad query', request: get('/api/signals?status=bogus'), expect: by(401, 400, 400, 400, 403, 403) },
    ],
  },
  'POST /api/signals': {
    personal: true,
    probes: [
      {
        name: 'report in Balen',
        request: ({ fixtures }) => ({
          method: 'POST',
          path: '/api/signals',
          json: report(fixtures.balenPlace, fixtures.marker),
        }),
        expect: by(401, 201, 201, 403, 403, 403),
      },
      {
        name: 'report in Ravels (foreign to Balen)',
        request: ({ fixtures }) => ({
          method: 'POST',
          path: '/api/signals',
          json: report(fixtures.ravelsPlace, fixtures.marker),
        }),
        expect: by(401, 400, 400, 403, 403, 403),
      },
      {
        name: 'not JSON',
        request: () => ({ method: 'POST', path: '/api/signals', form: { category: 'loneliness' } }),
        expect: by(401, 415, 415, 403, 403, 403),
      },
    ],
  },
  'GET /api/signals/[id]': {
    personal: true,
    probes: [
      {
        name: 'the signal reported this run',
        request: ({ fixtures }) => ({ method: 'GET', path: `/api/signals/${fixtures.fresh.id}` }),
        expect: by(401, 200, 200, 404, 403, 403),
        inspect: (answer, { fixtures }) => {
          if (answer.status === 200)
            expect((json(answer) as { description: string }).description).toContain(fixtures.marker);
        },
      },
      {
        name: 'a Balen signal of another partner',
        request: ({ fixtures }) => ({ method: 'GET', path: `/api/signals/${fixtures.balenOther.id}` }),
        expect: by(401, 404, 200, 404, 403, 403),
      },
      {
        name: 'a Ravels signal',
        request: ({ fixtures }) => ({ method: 'GET', path: `/api/signals/${fixtures.ravels.id}` }),
        expect: by(401, 404, 404, 200, 403, 403),
        // The advisor reads her municipality's signals, never their descriptions.
        inspect: (answer) => {
          if (answer.status === 200)
            expect(json(answer)).toMatchObject({ description: null, canReadDescription: false });
        },
      },
      { name: 'not a number', request: get('/api/signals/12abc'), expect: by(401, 400, 400, 400, 403, 403) },
    ],
  },
  'POST /api/signals/[id]/status': {
    personal: true,
    probes: [
      {
        name: 'a Ravels signal (foreign to the coordinator of Balen)',
        request: ({ fixtures }) => ({
          method: 'POST',
          path: `/api/signals/${fixtures.ravels.id}/status`,
          json: { fromStatus: 'new', toStatus: 'discussed' },
        }),
        expect: by(401, 403, 404, 403, 403, 403),
      },
      {
        name: 'a stale step on the signal of this run',
        request: ({ fixtures }) => ({
          method: 'POST',
          path: `/api/signals/${fixtures.fresh.id}/status`,
          json: { fromStatus: 'followed_up', toStatus: 'closed', outcome: 'care_started' },
        }),
        expect: by(401, 403, 409, 403, 403, 403),
      },
      {
        name: 'an empty body',
        request: ({ fixtures }) => ({ method: 'POST', path: `/api/signals/${fixtures.fresh.id}/status`, json: {} }),
        expect: by(401, 403, 400, 403, 403, 403),
      },
    ],
  },

  // --- administration (issue 4: imports, accounts, audit log): admins only
  'GET /beheer': {
    personal: true,
    probes: [{ name: 'administration', request: get('/beheer'), expect: by(307, 403, 403, 403, 403, 307) }],
  },
  'GET /beheer/import': {
    personal: true,
    probes: [{ name: 'imports', request: get('/beheer/import'), expect: by(307, 403, 403, 403, 403, 200) }],
  },
  'GET /beheer/accounts': {
    personal: true,
    probes: [{ name: 'accounts', request: get('/beheer/accounts'), expect: by(307, 403, 403, 403, 403, 200) }],
  },
  'GET /beheer/audit': {
    personal: true,
    probes: [{ name: 'audit log', request: get('/beheer/audit'), expect: by(307, 403, 403, 403, 403, 200) }],
  },
  'GET /api/imports': {
    personal: true,
    probes: [{ name: 'import history', request: get('/api/imports'), expect: by(401, 403, 403, 403, 403, 200) }],
  },
  'POST /api/imports/dry-run': {
    personal: true,
    probes: [
      {
        name: 'a dry run without a file',
        request: () => ({ method: 'POST', path: '/api/imports/dry-run', form: { layer: 'services' } }),
        expect: by(401, 403, 403, 403, 403, 400),
      },
    ],
  },
  'POST /api/imports': {
    personal: true,
    probes: [
      {
        name: 'an import without a file',
        request: () => ({ method: 'POST', path: '/api/imports', form: { layer: 'services' } }),
        expect: by(401, 403, 403, 403, 403, 400),
      },
    ],
  },
  'POST /api/imports/[id]/undo': {
    personal: true,
    probes: [
      {
        name: 'undo of no import',
        request: () => ({ method: 'POST', path: '/api/imports/999999999/undo' }),
        expect: by(401, 403, 403, 403, 403, 404),
      },
    ],
  },
  'ACTION app/beheer/accounts/actions.ts#createAccountAction': {
    personal: true,
    probes: [
      {
        name: 'a forged account without fields',
        request: ({ actionId, origin }) => ({
          method: 'POST',
          path: '/beheer/accounts',
          headers: { origin },
          form: {
            [`$ACTION_ID_${actionId('ACTION app/beheer/accounts/actions.ts#createAccountAction')}`]: '',
            email: 'forged@buurtradar.test',
          },
        }),
        // The page around it answers as for a GET; the action itself refuses (as a value) or gives field errors.
        expect: by(307, 403, 403, 403, 403, 200),
        inspect: (answer) => expect(answer.text).not.toContain('"created"'),
      },
    ],
  },
  'ACTION app/beheer/accounts/actions.ts#accountAction': {
    personal: true,
    probes: [
      {
        name: 'a forged "sign out everywhere" of no account',
        request: ({ actionId, origin }) => ({
          method: 'POST',
          path: '/beheer/accounts',
          headers: { origin },
          form: {
            [`$ACTION_ID_${actionId('ACTION app/beheer/accounts/actions.ts#accountAction')}`]: '',
            userId: '999999999',
            intent: 'revoke',
          },
        }),
        expect: by(307, 403, 403, 403, 403, 200),
        inspect: (answer) => expect(answer.text).not.toContain('"done"'),
      },
    ],
  },

  // --- analysis (issue 5): aggregates of the person's own areas only; exports for those who may export
  'GET /analyse': {
    personal: true,
    probes: [{ name: 'analysis start', request: get('/analyse'), expect: everyone(307) }],
  },
  'GET /analyse/[region]': {
    personal: true,
    probes: [
      { name: 'Kempen', request: get('/analyse/sw11'), expect: by(307, 200, 200, 200, 200, 200) },
      { name: 'another region', request: get('/analyse/sw05'), expect: by(307, 404, 404, 404, 404, 200) },
    ],
  },
  'GET /api/analyse/[region]/export': {
    personal: true,
    probes: [
      {
        name: 'hotspots of Kempen as CSV',
        request: get('/api/analyse/sw11/export?tabel=hotspots&formaat=csv'),
        expect: by(401, 403, 200, 200, 200, 403),
      },
      {
        name: 'another region',
        request: get('/api/analyse/sw05/export?tabel=hotspots&formaat=csv'),
        expect: by(401, 404, 404, 404, 404, 403),
      },
      {
        name: 'a bad format',
        request: get('/api/analyse/sw11/export?tabel=hotspots&formaat=xls'),
        expect: by(401, 403, 400, 400, 400, 403),
      },
    ],
  },
  'GET /vergelijk': {
    personal: true,
    probes: [
      {
        name: 'Balen and Ravels',
        request: get('/vergelijk?gemeenten=13003,13035'),
        expect: by(307, 404, 404, 404, 200, 200),
      },
    ],
  },
  'GET /api/vergelijk/export': {
    personal: true,
    probes: [
      {
        name: 'Balen and Ravels by category',
        request: get('/api/vergelijk/export?gemeenten=13003,13035&tabel=categorieen&formaat=csv'),
        expect: by(401, 403, 404, 404, 200, 403),
      },
    ],
  },
  'GET /buurt/[code]': {
    personal: true,
    probes: [
      { name: 'a neighbourhood of Balen', request: get('/buurt/1300301'), expect: by(307, 200, 200, 404, 200, 200) },
      { name: 'no such neighbourhood', request: get('/buurt/9999999'), expect: by(307, 404, 404, 404, 404, 404) },
    ],
  },
  'GET /api/buurt/[code]/export': {
    personal: true,
    probes: [
      {
        name: 'profile of a Balen neighbourhood as CSV',
        request: get('/api/buurt/1300301/export?formaat=csv'),
        expect: by(401, 403, 200, 404, 200, 403),
      },
      {
        name: 'as PDF',
        request: get('/api/buurt/1300301/export?formaat=pdf'),
        expect: by(401, 403, 200, 404, 200, 403),
      },
    ],
  },
  'ACTION app/buurt/[code]/actions.ts#recordAction': {
    personal: true,
    probes: [
      {
        name: 'a forged action record',
        request: ({ actionId, origin }) => ({
          method: 'POST',
          path: '/buurt/1300301',
          headers: { origin },
          form: {
            [`$ACTION_ID_${actionId('ACTION app/buurt/[code]/actions.ts#recordAction')}`]: '',
            title: 'Forged',
            kind: 'quick_win',
          },
        }),
        // The page around it answers as for a GET; a forged post records nothing.
        expect: by(307, 200, 200, 404, 200, 200),
        inspect: (answer) => expect(answer.text).not.toContain('"ok":true'),
      },
    ],
  },
  'ACTION app/buurt/[code]/actions.ts#changeActionStatus': {
    personal: true,
    probes: [
      {
        name: 'a forged status change',
        request: ({ actionId, origin }) => ({
          method: 'POST',
          path: '/buurt/1300301',
          headers: { origin },
          form: {
            [`$ACTION_ID_${actionId('ACTION app/buurt/[code]/actions.ts#changeActionStatus')}`]: '',
            id: '1',
            status: 'done',
          },
        }),
        expect: by(307, 200, 200, 404, 200, 200),
      },
    ],
  },

  // --- areas, services, tiles (public data; signal figures only as permitted aggregates)
  'GET /api/areas/municipalities': {
    probes: [{ name: 'outlines', request: get('/api/areas/municipalities?region=sw11'), expect: everyone(200) }],
  },
  'GET /api/areas/neighbourhoods': {
    probes: [{ name: 'Balen', request: get(`/api/areas/neighbourhoods?municipality=${BALEN}`), expect: everyone(200) }],
  },
  'GET /api/areas/regions': {
    probes: [{ name: 'outlines', request: get('/api/areas/regions'), expect: everyone(200) }],
  },
  'GET /api/areas/regions/[region]': {
    probes: [
      { name: 'Kempen', request: get('/api/areas/regions/sw11'), expect: everyone(200) },
      { name: 'unknown', request: get('/api/areas/regions/sw99'), expect: everyone(404) },
      { name: 'malformed', request: get('/api/areas/regions/zz99'), expect: everyone(400) },
    ],
  },
  'GET /api/areas/neighbourhood-overlays': {
    personal: true,
    probes: [
      {
        name: 'Kempen figures',
        request: get('/api/areas/neighbourhood-overlays?region=sw11'),
        expect: everyone(200),
        inspect: (answer, { actor }) => {
          const { signalMunicipalities, neighbourhoods } = json(answer) as {
            signalMunicipalities: string[];
            neighbourhoods: { code: string; signals?: unknown; substandardDwellings?: unknown }[];
          };
          // Dwelling figures go with the signal figures: the same neighbourhoods, none without them.
          for (const n of neighbourhoods) expect('substandardDwellings' in n, n.code).toBe('signals' in n);
          if (signalMunicipalities.length === 0) expect(neighbourhoods.filter((n) => 'signals' in n)).toEqual([]);
          else expect(neighbourhoods.some((n) => 'signals' in n)).toBe(true);
          const expected: Record<Actor, (nis: string[]) => boolean> = {
            // Only those who see the signals one by one get map figures; the others use the analysis pages.
            anonymous: (nis) => nis.length === 0,
            reporter: (nis) => nis.length === 0,
            coordinator: (nis) => nis.join() === BALEN,
            advisor: (nis) => nis.join() === RAVELS,
            analyst: (nis) => nis.length === 0,
            admin: (nis) => nis.length === 0,
          };
          expect(expected[actor](signalMunicipalities), signalMunicipalities.join()).toBe(true);
        },
      },
    ],
  },
  'GET /api/services': {
    probes: [{ name: 'Kempen services', request: get('/api/services?region=sw11'), expect: everyone(200) }],
  },
  'GET /api/services/[id]': {
    probes: [
      {
        name: 'a service',
        request: ({ fixtures }) => ({ method: 'GET', path: `/api/services/${fixtures.serviceId}` }),
        expect: everyone(200),
      },
    ],
  },
  'GET /api/tiles/[layer]/[z]/[x]/[y]': {
    probes: [
      ...[10, 13].map((z): Probe => ({
        name: `signals tile z${z} over the signal of this run`,
        request: ({ fixtures }) => ({
          method: 'GET',
          path: `/api/tiles/signals/${tileOf(fixtures.fresh.lon, fixtures.fresh.lat, z)}.pbf`,
        }),
        // Signal tiles are for coordinators and advisors (their own municipalities); roles with aggregates only get 403.
        expect: by(401, 403, [200, 204], [200, 204], 403, 403),
        followRedirects: true,
        inspect: onlyPrivateCells,
      })),
      {
        name: 'signals tile z16 over the signal of this run',
        request: ({ fixtures }) => ({
          method: 'GET',
          path: `/api/tiles/signals/${tileOf(fixtures.fresh.lon, fixtures.fresh.lat, 16)}.pbf`,
        }),
        // From z 15 the coordinator of Balen gets the generalised points of Balen; Ravels' advisor nothing of Balen.
        expect: by(401, 403, 200, 204, 403, 403),
        followRedirects: true,
        inspect: (answer, { actor, fixtures }) =>
          actor === 'coordinator' ? pointsOfBalen(answer, fixtures.fresh.id) : onlyPrivateCells(answer),
      },
      {
        name: 'substandard dwellings tile',
        request: ({ fixtures }) => ({
          method: 'GET',
          path: `/api/tiles/substandard_dwellings/${tileOf(fixtures.fresh.lon, fixtures.fresh.lat, 13)}.pbf`,
        }),
        // A dwelling is a household: like signals, for coordinators and advisors only.
        expect: by(401, 403, [200, 204], [200, 204], 403, 403),
        followRedirects: true,
        inspect: onlyPrivateCells,
      },
      {
        name: 'services tile',
        request: ({ fixtures }) => ({
          method: 'GET',
          path: `/api/tiles/services/${tileOf(fixtures.fresh.lon, fixtures.fresh.lat, 14)}.pbf`,
        }),
        expect: everyone([200, 204]),
        followRedirects: true,
      },
      { name: 'unknown layer', request: get('/api/tiles/people/10/525/340.pbf'), expect: everyone(400) },
    ],
  },
  'GET /api/tiles/versions': {
    probes: [{ name: 'versions', request: get('/api/tiles/versions'), expect: everyone(200) }],
  },
  'GET /api/health': { probes: [{ name: 'health', request: get('/api/health'), expect: everyone(200) }] },
  'GET /api/map/worker': {
    probes: [{ name: 'MapLibre worker', request: get('/api/map/worker'), expect: everyone(200) }],
  },

  // --- sign-in
  'GET /api/auth/[...all]': {
    personal: true,
    probes: [
      {
        name: 'the session',
        request: get('/api/auth/get-session'),
        expect: everyone(200),
        inspect: (answer, { actor }) => {
          const session = json(answer) as { user?: { email?: string } } | null;
          if (actor === 'anonymous') expect(session).toBeNull();
          else expect(session?.user?.email).toMatch(/@buurtradar\.test$/);
        },
      },
    ],
  },
  'POST /api/auth/[...all]': {
    personal: true,
    probes: [
      {
        name: 'sign-up is switched off',
        request: () => ({
          method: 'POST',
          path: '/api/auth/sign-up/email',
          json: { email: 'new@buurtradar.test', password: 'long-enough-password', name: 'X' },
        }),
        expect: everyone(404),
      },
    ],
  },

  // --- server actions (posted like a form without JavaScript)
  'ACTION app/_actions/locale.ts#setLocale': {
    probes: [
      {
        name: 'choose English',
        request: ({ actionId, origin }) => ({
          method: 'POST',
          path: '/aanmelden',
          headers: { origin },
          form: { [`$ACTION_ID_${actionId('ACTION app/_actions/locale.ts#setLocale')}`]: '', locale: 'en' },
        }),
        expect: everyone(200),
        inspect: (answer) => expect(answer.headers['set-cookie'] ?? '').toContain('buurtradar_locale=en'),
      },
    ],
  },
  'ACTION app/aanmelden/actions.ts#signIn': {
    personal: true,
    probes: [
      {
        name: 'a forged sign-in post',
        request: ({ actionId, origin }) => ({
          method: 'POST',
          path: '/aanmelden',
          headers: { origin },
          form: {
            [`$ACTION_ID_${actionId('ACTION app/aanmelden/actions.ts#signIn')}`]: '',
            email: 'nobody@buurtradar.test',
            password: 'wrong-password',
          },
        }),
        expect: everyone(200),
        inspect: (answer) => expect(answer.headers['set-cookie'] ?? '').not.toContain('session_token='),
      },
    ],
  },
  'ACTION app/aanmelden/actions.ts#signOut': {
    personal: true,
    probes: [
      {
        name: "sign out (ends the actor's session, so it runs last)",
        request: ({ actionId, origin }) => ({
          method: 'POST',
          path: '/aanmelden',
          headers: { origin },
          form: { [`$ACTION_ID_${actionId('ACTION app/aanmelden/actions.ts#signOut')}`]: '' },
        }),
        expect: everyone(303),
        last: true,
      },
    ],
  },
};
