import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { fixturePath, listRuns, tileVersions } from './support/import-page';
import { DEMO_ACCOUNTS, signIn } from './support/sign-in';

/**
 * A few hundred generated bad requests to the import endpoints over real HTTP, signed in as
 * the admin: broken bodies, wrong fields, bad files, oversized uploads, wrong ids. None gets a
 * 5xx, every one a 4xx naming the problem, and afterwards no layer version and no import run
 * has changed. (The thousands of cases at the database level are in
 * tests/integration/imports-property.test.ts.)
 */
const fixture = (name: string) => readFileSync(fixturePath(name));
const BAD_FILES = [
  'bad-malformed.csv',
  'bad-malformed.geojson',
  'bad-swapped.csv',
  'bad-nan.csv',
  'bad-latin1.csv',
  'bad-unknown-category.csv',
  'bad-outside.geojson',
  'bad-indicators.csv',
];
const LAYERS = ['services', 'street_lights', 'social_housing', 'indicators'];

type Body =
  | { multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> }
  | { data: Buffer | string; headers: Record<string, string> };

const file = (buffer: Buffer, name = 'upload.csv') => ({ name, mimeType: 'text/csv', buffer });

/** Requests that are wrong in the form: refused before the file is read. */
const badForm: fc.Arbitrary<Body> = fc.oneof(
  fc
    .record({
      layer: fc.oneof(
        fc.constantFrom('', 'signals', 'substandard_dwellings', 'SERVICES', 'services ', '__proto__'),
        fc.string({ maxLength: 30 }),
      ),
    })
    .map(({ layer }) => ({ multipart: { layer, file: file(fixture('services.csv')) } })),
  fc
    .record({
      field: fc.constantFrom(
        'crs',
        'delimiter',
        'encoding',
        'format',
        'indicator',
        'period',
        'aggregation',
        'source',
        'colour',
        'columns',
      ),
      value: fc.oneof(
        fc.constantFrom('epsg:3857', 'latin1', 'xlsx', 'median', '24', 'x'.repeat(200)),
        fc.string({ minLength: 1, maxLength: 40 }),
      ),
    })
    .filter(
      ({ field, value }) =>
        !(field === 'source' && value.trim().length > 0 && value.length <= 120 && !/[\u0000-\u001f\u007f]/.test(value)),
    )
    .map(({ field, value }) => ({
      multipart: { layer: 'street_lights', [field]: value, file: file(fixture('bad-outside.geojson'), 'x.geojson') },
    })),
  fc.constantFrom<Body>(
    { multipart: { layer: 'services' } },
    { multipart: { layer: 'services', file: 'not a file' } },
    { data: 'layer=services', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    { data: '{"layer":"services"}', headers: { 'content-type': 'application/json' } },
    {
      data: Buffer.from('--x\r\nContent-Disposition: form-data; name="layer"\r\n\r\nservices\r\n--x'),
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    },
    { data: Buffer.from('garbage'), headers: { 'content-type': 'multipart/form-data; boundary=----nothing' } },
  ),
);

/** Well-formed requests with a file that cannot be imported. */
const badUpload: fc.Arbitrary<Body> = fc.oneof(
  fc
    .record({
      layer: fc.constantFrom(...LAYERS),
      bytes: fc.uint8Array({ maxLength: 1500 }),
      name: fc.constantFrom('x.csv', 'x.geojson', 'x.txt', 'x.xlsx', 'x'),
    })
    .map(({ layer, bytes, name }) => ({ multipart: { layer, file: file(Buffer.from(bytes), name) } })),
  fc
    .record({ layer: fc.constantFrom(...LAYERS), name: fc.constantFrom(...BAD_FILES) })
    .map(({ layer, name }) => ({ multipart: { layer, file: file(fixture(name), name) } })),
  // A good file read the wrong way: as another layer, or in the other coordinate system.
  fc.constantFrom<Body>(
    { multipart: { layer: 'street_lights', file: file(fixture('services.csv'), 'services.csv') } },
    { multipart: { layer: 'services', crs: 'wgs84', file: file(fixture('services.csv'), 'services.csv') } },
    {
      multipart: {
        layer: 'social_housing',
        crs: 'lambert72',
        file: file(fixture('social-housing.csv'), 'social-housing.csv'),
      },
    },
    { multipart: { layer: 'indicators', file: file(fixture('street-lights.geojson'), 'lights.geojson') } },
    { multipart: { layer: 'services', file: file(fixture('services.csv'), 'services.xlsx') } },
  ),
);

async function send(request: APIRequestContext, url: string, body: Body) {
  return 'multipart' in body
    ? request.post(url, { multipart: body.multipart })
    : request.post(url, { data: body.data, headers: body.headers });
}

test('hundreds of bad import requests get a 4xx each and change nothing', async ({ page }) => {
  test.setTimeout(600_000);
  await signIn(page, DEMO_ACCOUNTS.admin);
  const request = page.request;
  const versions = await tileVersions(request);
  const runs = await listRuns(request);
  const statuses = new Map<number, number>();
  const check = async (url: string, body: Body) => {
    const response = await send(request, url, body);
    const status = response.status();
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    expect(status, `${url} ${JSON.stringify(body).slice(0, 300)}`).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    const json = (await response.json()) as { error?: string; errors?: Record<string, { message: string }> };
    expect(typeof json.error === 'string' || typeof json.errors === 'object').toBe(true);
  };
  for (const url of ['/api/imports/dry-run', '/api/imports']) {
    await fc.assert(
      fc.asyncProperty(badForm, (body) => check(url, body)),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(badUpload, (body) => check(url, body)),
      { numRuns: 90 },
    );
  }
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.string({ maxLength: 20 }).map(encodeURIComponent),
        fc.integer({ min: 900_000_000, max: 2 ** 53 - 1 }).map(String),
      ),
      async (id) => {
        const response = await request.post(`/api/imports/${id || '0'}/undo`);
        expect([400, 404, 405]).toContain(response.status());
      },
    ),
    { numRuns: 40 },
  );

  // Too large: refused from Content-Length, before the body is read.
  const oversized = await request.post('/api/imports', {
    multipart: { layer: 'services', file: file(Buffer.alloc(21 * 1024 * 1024, 0x41), 'big.csv') },
  });
  expect(oversized.status()).toBe(413);

  expect(await tileVersions(request)).toEqual(versions);
  expect(await listRuns(request)).toEqual(runs);
  // Every kind of refusal showed up.
  expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([400, 415]));
});
