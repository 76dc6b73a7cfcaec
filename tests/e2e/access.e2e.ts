import { type APIRequestContext, type Browser, expect, test } from '@playwright/test';
import { discoverEntryPoints, serverActionIds } from './access/discover';
import { type Secrets, findLeaks } from './access/leaks';
import {
  ACCESS_MATRIX,
  ACTORS,
  type Actor,
  type Answer,
  type Fixtures,
  type Probe,
  type SignalRef,
} from './access/matrix';
import { DEMO_ACCOUNTS } from './support/sign-in';
import { BALEN, RAVELS, neighbourhoodsOf, reportBody, signedIn } from './support/signals';

/**
 * The access walk (issue 4, "who sees what"): every page, route handler and server action
 * found on disk must be declared in tests/e2e/access/matrix.ts (which says how to add one), and
 * every declared probe is sent as every actor: nobody signed in, the demo reporter, coordinator
 * (Balen), advisor (Ravels, the foreign municipality), analyst (Kempen) and admin. A wrong
 * status, a personal answer that may be stored, or a body with a description, id or point of
 * a signal the actor may not see fails the walk.
 */
test.describe.configure({ mode: 'serial' });

const ACCOUNTS: Record<Exclude<Actor, 'anonymous'>, { email: string; password: string }> = {
  reporter: DEMO_ACCOUNTS.reporter,
  coordinator: DEMO_ACCOUNTS.coordinatorBalen,
  advisor: DEMO_ACCOUNTS.advisorRavels,
  analyst: DEMO_ACCOUNTS.analystKempen,
  admin: DEMO_ACCOUNTS.admin,
};

interface Listed {
  id: number;
  lon: number;
  lat: number;
  status: string;
  own: boolean;
  municipalityNis: string;
}

async function listAll(request: APIRequestContext, query = ''): Promise<Listed[]> {
  const items: Listed[] = [];
  for (let page = 1; page <= 50; page++) {
    const response = await request.get(`/api/signals?pageSize=100&page=${page}${query}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: Listed[]; total: number };
    items.push(...body.items);
    if (page * 100 >= body.total) break;
  }
  return items;
}
const ref = (item: Listed): SignalRef => ({ id: item.id, lon: item.lon, lat: item.lat, status: item.status });

test('every page, route handler and server action is in the access matrix', () => {
  const found = discoverEntryPoints();
  const declared = Object.keys(ACCESS_MATRIX).sort();
  expect(
    found.filter((key) => !declared.includes(key)),
    'entry points without an entry in tests/e2e/access/matrix.ts',
  ).toEqual([]);
  expect(
    declared.filter((key) => !found.includes(key)),
    'matrix entries for entry points that no longer exist',
  ).toEqual([]);
  for (const [key, spec] of Object.entries(ACCESS_MATRIX))
    expect(spec.probes.length, `${key} has no probes`).toBeGreaterThan(0);
});

test('every actor gets exactly what the matrix allows, and nothing it may not see', async ({ browser }, testInfo) => {
  test.setTimeout(600_000);
  const baseURL = String(testInfo.project.use.baseURL);
  const { contexts, close } = await signInEveryone(browser, baseURL);
  const { fixtures, secrets } = await setUp(contexts);
  const actionIds = serverActionIds();
  const actionId = (key: string) => {
    const id = actionIds.get(key);
    if (!id) throw new Error(`${key} is not in the build's server action manifest: rebuild`);
    return id;
  };

  const failures: string[] = [];
  for (const actor of ACTORS) {
    const probes = Object.entries(ACCESS_MATRIX).flatMap(([key, spec]) =>
      spec.probes.map((probe) => ({ key, spec, probe })),
    );
    const ordered = [...probes.filter(({ probe }) => !probe.last), ...probes.filter(({ probe }) => probe.last)];
    for (const { key, spec, probe } of ordered) {
      const context = { fixtures, actor, actionId, origin: new URL(baseURL).origin };
      const label = `${actor} · ${key} · ${probe.name}`;
      try {
        const answer = await send(contexts[actor], probe, context);
        const allowed = ([] as number[]).concat(probe.expect[actor]);
        if (!allowed.includes(answer.status))
          failures.push(
            `${label}: status ${answer.status}, expected ${allowed.join(' or ')} (${answer.text.slice(0, 160)})`,
          );
        if (answer.status >= 500) continue;
        if (spec.personal && !/\bno-store\b/.test(answer.headers['cache-control'] ?? '')) {
          failures.push(
            `${label}: personal answer without no-store (Cache-Control: ${answer.headers['cache-control'] ?? 'none'})`,
          );
        }
        for (const leak of findLeaks(answer.text, secrets[actor])) failures.push(`${label}: LEAK of ${leak}`);
        await probe.inspect?.(answer, context);
      } catch (error) {
        failures.push(
          `${label}: ${error instanceof Error ? error.message.split('\n').slice(0, 4).join(' ') : String(error)}`,
        );
      }
    }
  }
  await close();
  expect(failures).toEqual([]);
});

async function send(
  request: APIRequestContext,
  probe: Probe,
  context: Parameters<Probe['request']>[0],
): Promise<Answer> {
  const spec = probe.request(context);
  const response = await request.fetch(spec.path, {
    method: spec.method,
    headers: spec.headers,
    ...(spec.json !== undefined ? { data: spec.json } : {}),
    ...(spec.form !== undefined ? { multipart: spec.form } : {}),
    maxRedirects: probe.followRedirects ? 5 : 0,
  });
  const body = await response.body();
  return { status: response.status(), headers: response.headers(), body, text: body.toString('utf8') };
}

type Contexts = Record<Actor, APIRequestContext>;

async function signInEveryone(
  browser: Browser,
  baseURL: string,
): Promise<{ contexts: Contexts; close: () => Promise<void> }> {
  const anonymous = await browser.newContext({ baseURL });
  const people = await Promise.all(
    Object.entries(ACCOUNTS).map(
      async ([actor, account]) => [actor, await signedIn(browser, baseURL, account)] as const,
    ),
  );
  return {
    contexts: {
      anonymous: anonymous.request,
      ...Object.fromEntries(people.map(([actor, person]) => [actor, person.request])),
    } as Contexts,
    close: async () => {
      await Promise.all([anonymous.close(), ...people.map(([, person]) => person.close())]);
    },
  };
}

/** The rows the probes aim at, and per actor the signals they must not find anywhere. */
async function setUp(contexts: Contexts): Promise<{ fixtures: Fixtures; secrets: Record<Actor, Secrets> }> {
  const marker = `walk-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const [balenArea, ravelsArea] = await Promise.all([
    neighbourhoodsOf(contexts.anonymous, BALEN),
    neighbourhoodsOf(contexts.anonymous, RAVELS),
  ]);
  const balenPlace = { lon: balenArea[1]!.anchor[0], lat: balenArea[1]!.anchor[1] };
  const ravelsPlace = { lon: ravelsArea[0]!.anchor[0], lat: ravelsArea[0]!.anchor[1] };
  const created = await contexts.reporter.post('/api/signals', {
    data: reportBody(balenPlace.lon, balenPlace.lat, {
      description: `Alleenwonende buurvrouw vraagt hulp bij papieren (${marker}).`,
    }),
  });
  expect(created.status()).toBe(201);
  const fresh = ((await created.json()) as { signal: Listed }).signal;

  const [own, balen, ravels] = await Promise.all([
    listAll(contexts.reporter),
    listAll(contexts.coordinator),
    listAll(contexts.advisor),
  ]);
  const ownIds = new Set(own.map((item) => item.id));
  const balenOther = balen.find((item) => !ownIds.has(item.id))!;
  const balenOwn = own.find((item) => item.id !== fresh.id)!;
  const ravelsNew = ravels.find((item) => item.status === 'new')!;
  expect(balenOther && balenOwn && ravelsNew).toBeTruthy();
  const services = (await (await contexts.anonymous.get('/api/services?region=sw11')).json()) as {
    services: { id: number }[];
  };

  const points = (items: Listed[]) => items.slice(0, 150).map((item) => ({ lon: item.lon, lat: item.lat }));
  const allBalen = [fresh, ...balen];
  const nothing: Secrets = {
    descriptions: [marker],
    ids: [fresh.id, balenOwn.id, balenOther.id, ravelsNew.id],
    points: [...points(allBalen), ...points(ravels)],
  };
  const secrets: Record<Actor, Secrets> = {
    anonymous: nothing,
    analyst: nothing,
    admin: nothing,
    // Points are grid-cell centres: another partner's signal in a cell of one's own is not a leak.
    reporter: {
      descriptions: [],
      ids: [balenOther.id, ravelsNew.id],
      points: [
        ...points(balen.filter((item) => !ownIds.has(item.id))).filter(
          (point) => !own.some((mine) => mine.lon === point.lon && mine.lat === point.lat),
        ),
        ...points(ravels),
      ],
    },
    coordinator: { descriptions: [], ids: [ravelsNew.id], points: points(ravels) },
    advisor: { descriptions: [marker], ids: [fresh.id, balenOwn.id, balenOther.id], points: points(allBalen) },
  };
  return {
    fixtures: {
      marker,
      fresh: ref(fresh),
      balenOwn: ref(balenOwn),
      balenOther: ref(balenOther),
      ravels: ref(ravelsNew),
      balenPlace,
      ravelsPlace,
      serviceId: services.services[0]!.id,
    },
    secrets,
  };
}
