import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_TILE_BYTES } from '@/lib/tiles/aggregation';
import type { EmbeddedResult } from './embedded';
import type { Machine } from './machine';
import type { RateResult } from './rate-query';
import type { TileRow } from './tile-latency';

export interface BenchResults {
  generatedAt: string;
  machine: Machine;
  dataset: Record<string, unknown>;
  build: string;
  tiles: TileRow[];
  rates: RateResult;
  embedded: EmbeddedResult;
  notes: string[];
}

export interface Target {
  name: string;
  target: string;
  value: string;
  pass: boolean;
}

export const TARGETS = { ratio: 1.2, tileP95Ms: 100, rateP95Ms: 50, speedup: 20, warmStartMs: 4000 } as const;

/** Every target of issue 3, item 4, judged on the figures of this run. */
export function judge(results: BenchResults): Target[] {
  const { tiles, rates, embedded } = results;
  const totalRatio = tiles.reduce((s, row) => s + row.appTotal, 0) / tiles.reduce((s, row) => s + row.rawTotal, 0);
  const largest = tiles.reduce((big, row) => (row.maxBytes > big.maxBytes ? row : big));
  const worstRatio = tiles.reduce((worst, row) => (row.ratio > worst.ratio ? row : worst));
  return [
    {
      name: 'app/raw tile overhead (all tile requests: total time through the app / total time of the SQL)',
      target: `≤ ${TARGETS.ratio}`,
      value: totalRatio.toFixed(2),
      pass: totalRatio <= TARGETS.ratio,
    },
    {
      name: `app/raw tile overhead, worst zoom (${worstRatio.layer} z${worstRatio.zoom})`,
      target: `≤ ${TARGETS.ratio}`,
      value: worstRatio.ratio.toFixed(2),
      pass: worstRatio.ratio <= TARGETS.ratio,
    },
    ...tiles.map((row) => ({
      name: `tile p95 through the app, ${row.layer} z${row.zoom}`,
      target: `≤ ${TARGETS.tileP95Ms} ms`,
      value: `${row.appP95.toFixed(1)} ms`,
      pass: row.appP95 <= TARGETS.tileP95Ms,
    })),
    {
      name: `largest tile (${largest.layer} z${largest.zoom})`,
      target: '≤ 256 KB',
      value: `${(largest.maxBytes / 1024).toFixed(1)} KB`,
      pass: largest.maxBytes <= MAX_TILE_BYTES,
    },
    {
      name: 'neighbourhood rate query p95',
      target: `≤ ${TARGETS.rateP95Ms} ms`,
      value: `${rates.appP95.toFixed(1)} ms`,
      pass: rates.appP95 <= TARGETS.rateP95Ms,
    },
    {
      name: 'rate query speed-up over the naive baseline (medians)',
      target: `≥ ${TARGETS.speedup}×`,
      value: `${rates.speedup.toFixed(0)}×`,
      pass: rates.speedup >= TARGETS.speedup,
    },
    {
      name: 'embedded database warm start (slowest of 3)',
      target: `≤ ${TARGETS.warmStartMs / 1000} s`,
      value: `${(embedded.warmMax / 1000).toFixed(2)} s`,
      pass: embedded.warmMax <= TARGETS.warmStartMs,
    },
  ];
}

const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));
const ms = (value: number) => value.toFixed(1);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => pad(cell, widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The report as Markdown tables (also what the README's Performance section shows). */
export function formatReport(results: BenchResults, targets: readonly Target[]): string {
  const { machine, tiles, rates, embedded } = results;
  const tileTable = table(
    [
      'layer',
      'zoom',
      'tiles',
      'with data',
      'app p50 ms',
      'app p95 ms',
      'raw p50 ms',
      'raw p95 ms',
      'app/raw',
      'bare p50 ms',
      'bare/raw',
      'largest KB',
    ],
    tiles.map((row) => [
      row.layer,
      String(row.zoom),
      String(row.requests),
      String(row.withData),
      ms(row.appP50),
      ms(row.appP95),
      ms(row.rawP50),
      ms(row.rawP95),
      row.ratio.toFixed(2),
      ms(row.bareP50),
      row.bareRatio.toFixed(2),
      (row.maxBytes / 1024).toFixed(1),
    ]),
  );
  const totals = (pick: (row: TileRow) => number) => tiles.reduce((s, row) => s + pick(row), 0);
  const [appTotal, rawTotal, bareTotal] = [
    totals((r) => r.appTotal),
    totals((r) => r.rawTotal),
    totals((r) => r.bareTotal),
  ];
  const perRequest = (total: number) => ((total - rawTotal) / totals((r) => r.requests)).toFixed(2);
  const rateTable = table(
    ['query', 'runs', 'p50 ms', 'p95 ms'],
    [
      [
        `roll-up (getNeighbourhoodSignalCounts + population)`,
        String(rates.runs.app),
        ms(rates.appP50),
        ms(rates.appP95),
      ],
      ['naive (ST_Contains join)', String(rates.runs.naive), ms(rates.naiveP50), ms(rates.naiveP95)],
    ],
  );
  const targetTable = table(
    ['target', 'goal', 'measured', ''],
    targets.map((t) => [t.name, t.target, t.value, t.pass ? 'PASS' : 'FAIL']),
  );
  return [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, load ${machine.loadAverage1m} at the start; Node ${machine.node};` +
      ` PostgreSQL ${machine.postgres}, PostGIS ${machine.postgis} (${Object.entries(machine.settings)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`,
    `Dataset: ${Object.entries(results.dataset)
      .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : v}`)
      .join(', ')}`,
    `Build: ${results.build}`,
    '',
    'Tiles, each URL requested once through the app (HTTP, `next start`), once as the tile SQL alone (raw) and once from a bare node:http server around that SQL (bare):',
    tileTable,
    `All tiles: app/raw ${(appTotal / rawTotal).toFixed(2)} (${perRequest(appTotal)} ms a request above the SQL);` +
      ` bare/raw ${(bareTotal / rawTotal).toFixed(2)} (${perRequest(bareTotal)} ms), the floor of any HTTP tile server here.`,
    '',
    `Neighbourhood rate: ${rates.category}, ${rates.window.from} to ${rates.window.to}, all ${rates.neighbourhoods} neighbourhoods` +
      ` (${rates.signals} signals); speed-up ${rates.speedup.toFixed(0)}×; neighbourhoods whose rates differ: ${rates.disagreements}`,
    rateTable,
    '',
    `Embedded database: cold start (new folder, create + migrate) ${(embedded.coldMs / 1000).toFixed(1)} s; boundaries + demo data` +
      ` ${(embedded.demoSeedMs / 1000).toFixed(1)} s; warm starts ${embedded.warmMs.map((v) => (v / 1000).toFixed(2)).join(', ')} s`,
    '',
    targetTable,
    '',
    ...results.notes.map((note) => `- ${note}`),
  ].join('\n');
}

export function writeResults(results: BenchResults, targets: readonly Target[]): string {
  const file = path.join(process.cwd(), 'tests', 'bench', 'results', 'latest.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...results, targets }, null, 2)}\n`);
  return file;
}
