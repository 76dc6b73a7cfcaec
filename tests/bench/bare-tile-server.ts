import http from 'node:http';
import { openServerDatabase } from '@/db/client';
import { getVersionedTile } from '@/db/queries/tiles';
import { parseTileRequest } from '@/lib/tiles/tile-request';
import { allMunicipalities, benchSignalAccess } from './bench-account';

/**
 * The floor of any tile server here: the same getVersionedTile as the app, behind a bare
 * node:http server with no framework and no session check (the bench coordinator's access is
 * fixed). Run by the bench as a process of its own, like `next start`:
 *
 *   tsx --conditions=react-server tests/bench/bare-tile-server.ts <database url>
 *
 * It prints "listening <port>" and answers GET /{layer}/{z}/{x}/{y}?{tile query}. What the
 * app costs above this is Next.js and the session; what this costs above the SQL is HTTP.
 */
const url = process.argv[2];
if (!url) throw new Error('usage: bare-tile-server.ts <database url>');
const { db } = await openServerDatabase(url);
const signals = benchSignalAccess(await allMunicipalities(db));

const server = http.createServer((request, response) => {
  const target = new URL(request.url ?? '/', 'http://bench');
  const [layer = '', z = '', x = '', y = ''] = target.pathname.split('/').slice(1);
  const parsed = parseTileRequest({ layer, z, x, y }, target.searchParams);
  if (!parsed.ok) {
    response.writeHead(400).end(parsed.error);
    return;
  }
  getVersionedTile(db, 'server', parsed.value, { signals }).then(
    ({ tile }) => {
      if (!tile) response.writeHead(204).end();
      else response.writeHead(200, { 'Content-Type': 'application/vnd.mapbox-vector-tile' }).end(tile);
    },
    (error: unknown) => {
      response.writeHead(500).end(String(error));
    },
  );
});
server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as import('node:net').AddressInfo).port}`);
});
process.on('SIGTERM', () => process.exit(0));
