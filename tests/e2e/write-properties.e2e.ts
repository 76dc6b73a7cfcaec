import { type APIRequestContext, expect, test } from '@playwright/test';
import fc from 'fast-check';
import { invalidReport, invalidStatusChange } from '../support/bad-inputs';
import { DEMO_ACCOUNTS } from './support/sign-in';
import { BALEN, neighbourhoodsOf, reportBody, signedIn } from './support/signals';

/**
 * The write endpoints over real HTTP, against the production server on this project's
 * database: hundreds of generated bad bodies, raw text and wrong content types. Every answer is
 * a 4xx with an error body (never a 5xx), and afterwards there is not one signal or status
 * change more (row counts as the coordinator of Balen sees them; the audit log is checked by
 * the database-level property test, tests/integration/signal-writes-property.test.ts).
 */
test('bad input to the write endpoints is a 4xx and writes nothing', async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const baseURL = String(testInfo.project.use.baseURL);
  const reporter = await signedIn(browser, baseURL, DEMO_ACCOUNTS.reporter);
  const coordinator = await signedIn(browser, baseURL, DEMO_ACCOUNTS.coordinatorBalen);
  const [place] = await neighbourhoodsOf(reporter.request, BALEN);
  const valid = () => reportBody(place!.anchor[0], place!.anchor[1]);

  // A signal to aim status changes at, reported now (so it is "new").
  const created = await reporter.request.post('/api/signals', { data: valid() });
  expect(created.status()).toBe(201);
  const target = ((await created.json()) as { signal: { id: number } }).signal.id;

  const total = async (request: APIRequestContext) =>
    ((await (await request.get('/api/signals?pageSize=1')).json()) as { total: number }).total;
  const history = async () =>
    (await (await coordinator.request.get(`/api/signals/${target}`)).json()) as { history: unknown[]; status: string };
  const before = {
    balen: await total(coordinator.request),
    own: await total(reporter.request),
    target: await history(),
  };

  const refused = (status: number, text: string, label: string) => {
    expect(status, `${label}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
    expect(status, `${label}: ${text.slice(0, 200)}`).toBeLessThan(500);
    const body = JSON.parse(text) as { error?: unknown; errors?: unknown };
    expect(body.error !== undefined || body.errors !== undefined, label).toBe(true);
  };

  await fc.assert(
    fc.asyncProperty(invalidReport(valid), async (body) => {
      const response = await reporter.request.post('/api/signals', {
        data: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json' },
      });
      refused(response.status(), await response.text(), `report ${JSON.stringify(body)?.slice(0, 120)}`);
    }),
    { numRuns: 250, seed: 4242 },
  );

  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 })),
      fc.constantFrom(
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=utf-8',
      ),
      async (text, type) => {
        const response = await reporter.request.post('/api/signals', { data: text, headers: { 'Content-Type': type } });
        refused(response.status(), await response.text(), `raw ${type} ${JSON.stringify(text).slice(0, 80)}`);
      },
    ),
    { numRuns: 100, seed: 4243 },
  );
  const huge = await reporter.request.post('/api/signals', {
    data: JSON.stringify({ ...valid(), description: 'x'.repeat(40_000) }),
    headers: { 'Content-Type': 'application/json' },
  });
  expect(huge.status()).toBe(413);

  await fc.assert(
    fc.asyncProperty(
      invalidStatusChange(() => ({ fromStatus: 'new', toStatus: 'discussed' })),
      async (body) => {
        const response = await coordinator.request.post(`/api/signals/${target}/status`, {
          data: JSON.stringify(body),
          headers: { 'Content-Type': 'application/json' },
        });
        refused(response.status(), await response.text(), `status ${JSON.stringify(body)?.slice(0, 120)}`);
      },
    ),
    { numRuns: 250, seed: 4244 },
  );

  // Signal numbers that are malformed, or too large to exist: refused (400 or 404), never a change.
  const badIds = fc.oneof(
    fc.string({ minLength: 1, maxLength: 30 }).filter((id) => !/^[0-9]+$/.test(id)),
    fc.bigInt({ min: 10n ** 12n, max: 10n ** 20n }).map(String),
    fc.constantFrom('0', '00', '-1', '1.5', '1e3', '9007199254740993', ' 1', '%00'),
  );
  await fc.assert(
    fc.asyncProperty(badIds, async (id) => {
      const response = await coordinator.request.post(`/api/signals/${encodeURIComponent(id)}/status`, {
        data: { fromStatus: 'new', toStatus: 'discussed' },
      });
      refused(response.status(), await response.text(), `id ${JSON.stringify(id)}`);
    }),
    { numRuns: 100, seed: 4245 },
  );

  expect(await total(coordinator.request)).toBe(before.balen);
  expect(await total(reporter.request)).toBe(before.own);
  const after = await history();
  expect(after.status).toBe('new');
  expect(after.history).toEqual(before.target.history);
  await Promise.all([reporter.close(), coordinator.close()]);
});
