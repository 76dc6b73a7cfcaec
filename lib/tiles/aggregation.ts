import type { TileLayer } from './layers';

/**
 * What a tile of each layer carries at each zoom: the individual points, or counts on a grid
 * of square cells. Everything here is in tile units: a tile is TILE_EXTENT units wide (MVT
 * convention; a 512 px tile on screen shows 8 units per CSS pixel) and tiles are EPSG:3857.
 *
 * Why no tile exceeds 256 KB, whatever the data volume
 * ----------------------------------------------------
 * Protobuf sizes of one MVT feature, worst case (every value distinct, so nothing is shared
 * through the layer's value table):
 * - frame: tag 1 + length ≤ 2; type field 2; tag list frame 1 + length ≤ 2 → 8 bytes;
 * - point geometry: tag 1 + length 1 + MoveTo 1 + two zig-zag varints of |coordinate| ≤ 4,160
 *   (≤ 2 bytes each) → 7 bytes;
 * - feature id (points only): tag 1 + varint ≤ 5 (ids below 2^35) → 6 bytes;
 * - each attribute: key index 1 + value index ≤ 3 in the tag list, plus its value-table entry:
 *   integer 1 + 1 + 1 + ≤ 5 = 8 (counts below 2^35), label 1 + 2 + 1 + 2 + 4 × chars.
 * Cells: at most (TILE_EXTENT / cell size)² per tile, and the smallest cell is 64 units, so
 * ≤ 4,096 cells × (8 + 7 + 2 × 12) = 160 KB for two integer attributes, independent of how many
 * points went into the counts. Points: each layer has a point budget (below) computed from its
 * attributes so that budget × worst bytes per point ≤ 200 KB; a tile whose area holds more
 * points than that is served as cells instead. `worstTileBytes` does this sum; a unit test
 * checks it for every layer and zoom, and an integration test measures the densest tiles.
 */

export const TILE_EXTENT = 4096;
/** Tile units drawn beyond each edge for points, so symbols are not cut at tile borders. */
export const TILE_BUFFER = 64;
export const MAX_TILE_BYTES = 256 * 1024;
/** What the budgets aim for: 20 % below the limit for the layer name, key table and rounding. */
const TILE_BYTE_BUDGET = 200 * 1024;
/** Bumped when what a tile contains changes (attributes, cell sizes): part of every tile URL. */
export const TILE_FORMAT = 2;
/** Text attributes are cut to this many characters, so a label has a known maximum size. */
export const MAX_LABEL_CHARS = 60;
/** Width of the EPSG:3857 world in metres (2π × 6,378,137). */
export const WORLD_WIDTH_M = 40_075_016.685_578_49;
/**
 * The fewest records a cell may show when it shows a layer about people, by default; the app
 * passes BUURTRADAR_MIN_COUNT (the analyses' threshold) so the map and the analyses agree.
 */
export const MIN_PRIVATE_COUNT = 5;

/** Attribute kinds, for the size argument: enums and booleans have few distinct values. */
type AttributeKind = 'int' | 'label' | 'enum' | 'bool';

interface LayerRule {
  /** First zoom with individual points; null: never (only cells). */
  pointsFrom: number | null;
  /** Attributes of a point feature (besides the feature id, the database id). */
  pointAttributes: Record<string, AttributeKind>;
  /** Attributes of a cell feature: always `count`, plus per-layer sums. */
  cellAttributes: Record<string, 'int'>;
  /** Cell size at low zoom, in tile units (a power of two). */
  cellSize: number;
  /** Cells never smaller than this, in EPSG:3857 metres (≈ 0.63 ground metres in Flanders). */
  minCellMeters: number;
  /** Cells with fewer records are left out; `private`: the small-numbers threshold. */
  minCount: number | 'private';
  /** Deepest zoom served; the map scales up tiles of this zoom beyond it. */
  maxZoom: number;
}

/**
 * Signals and substandard dwellings are about people: cells never smaller than 611 m in
 * EPSG:3857 (about 385 m on the ground here), and only cells with at least five records, so no
 * cell points at a household. At z 16 one such cell fills the tile, hence their maxZoom.
 * Signal points (already generalised to a grid when reported) exist from z 15, but only for
 * people who may see them (db/queries/tiles.ts serves everyone else the cells).
 */
export const SIGNAL_POINTS_FROM = 15;

export const LAYER_RULES = {
  signals: {
    pointsFrom: SIGNAL_POINTS_FROM,
    pointAttributes: { category: 'enum', status: 'enum', demo: 'bool' },
    cellAttributes: { count: 'int' },
    cellSize: 128,
    minCellMeters: 600,
    minCount: 'private',
    maxZoom: 16,
  },
  substandard_dwellings: {
    pointsFrom: null,
    pointAttributes: {},
    cellAttributes: { count: 'int' },
    cellSize: 128,
    minCellMeters: 600,
    minCount: 'private',
    maxZoom: 16,
  },
  street_lights: {
    pointsFrom: 15,
    pointAttributes: { status: 'enum', lamp_type: 'enum', demo: 'bool' },
    cellAttributes: { count: 'int', defects: 'int' },
    cellSize: 64,
    minCellMeters: 0,
    minCount: 1,
    maxZoom: 22,
  },
  services: {
    pointsFrom: 0,
    pointAttributes: { service_type: 'enum', name: 'label', demo: 'bool' },
    cellAttributes: { count: 'int' },
    cellSize: 64,
    minCellMeters: 0,
    minCount: 1,
    maxZoom: 22,
  },
  social_housing: {
    pointsFrom: 0,
    pointAttributes: { name: 'label', operator: 'label', units: 'int', demo: 'bool' },
    cellAttributes: { count: 'int', units: 'int' },
    cellSize: 64,
    minCellMeters: 0,
    minCount: 1,
    maxZoom: 22,
  },
} as const satisfies Record<TileLayer, LayerRule>;

/** Layers that have point features at some zoom. */
export type PointLayer = {
  [L in TileLayer]: (typeof LAYER_RULES)[L]['pointsFrom'] extends null ? never : L;
}[TileLayer];
export type PointAttribute<L extends PointLayer> = keyof (typeof LAYER_RULES)[L]['pointAttributes'] & string;
export type CellAttribute<L extends TileLayer> = keyof (typeof LAYER_RULES)[L]['cellAttributes'] & string;

export interface CellPlan {
  mode: 'cells';
  /** Cell side in tile units: a power of two dividing TILE_EXTENT, so cells align across tiles. */
  cellSize: number;
  minCount: number;
}
export interface PointPlan {
  mode: 'points';
  /** More points than this in the tile (buffer included): the tile is served as `fallback`. */
  maxPoints: number;
  fallback: CellPlan;
}
export type TilePlan = PointPlan | CellPlan;

/** Whether the layer is about people: its cells obey the small-numbers threshold. */
export const isAboutPeople = (layer: TileLayer) => LAYER_RULES[layer].minCount === 'private';

/**
 * The tile format as it appears in the layer's version token: for a layer about people with
 * the threshold, so that tile URLs (cached for good) change when the threshold does.
 */
export function tileFormatToken(layer: TileLayer, privateMinCount = MIN_PRIVATE_COUNT): string {
  return isAboutPeople(layer) ? `${TILE_FORMAT}k${privateMinCount}` : String(TILE_FORMAT);
}

/** The plan for a tile of `layer` at zoom `z` (0 ≤ z ≤ the layer's maxZoom). */
export function planTile(layer: TileLayer, z: number, privateMinCount = MIN_PRIVATE_COUNT): TilePlan {
  const rule: LayerRule = LAYER_RULES[layer];
  const minCount = rule.minCount === 'private' ? privateMinCount : rule.minCount;
  const cells: CellPlan = { mode: 'cells', cellSize: cellSizeAt(rule, z), minCount };
  if (rule.pointsFrom === null || z < rule.pointsFrom) return cells;
  return { mode: 'points', maxPoints: pointBudget(layer), fallback: cells };
}

/** Tile units per EPSG:3857 metre at zoom z. */
export function unitsPerMeter(z: number): number {
  return (2 ** z * TILE_EXTENT) / WORLD_WIDTH_M;
}

/** The layer's cell size, doubled until a cell is at least minCellMeters wide (≤ one tile). */
function cellSizeAt(rule: LayerRule, z: number): number {
  let size = rule.cellSize;
  while (size < TILE_EXTENT && size / unitsPerMeter(z) < rule.minCellMeters) size *= 2;
  return size;
}

const FEATURE_FRAME_BYTES = 8;
const POINT_GEOMETRY_BYTES = 7;
const FEATURE_ID_BYTES = 6;
const TAG_PAIR_BYTES = 4;

/** Worst-case bytes one attribute adds to a feature (its tag pair and, if distinct, its value). */
function attributeBytes(kind: AttributeKind): number {
  switch (kind) {
    case 'int':
      return TAG_PAIR_BYTES + 8;
    case 'label':
      return TAG_PAIR_BYTES + 6 + 4 * MAX_LABEL_CHARS;
    // Shared through the value table: a handful of entries per tile, counted in the 20 % margin.
    case 'enum':
    case 'bool':
      return TAG_PAIR_BYTES;
  }
}

function featureBytes(attributes: Record<string, AttributeKind>, withId: boolean): number {
  const sum = Object.values(attributes).reduce((total, kind) => total + attributeBytes(kind), 0);
  return FEATURE_FRAME_BYTES + POINT_GEOMETRY_BYTES + (withId ? FEATURE_ID_BYTES : 0) + sum;
}

/** How many points a tile of the layer may carry before it is served as cells. */
export function pointBudget(layer: TileLayer): number {
  return Math.floor(TILE_BYTE_BUDGET / featureBytes(LAYER_RULES[layer].pointAttributes, true));
}

/** Upper bound of a tile's size in bytes under `plan`, whatever the data. */
export function worstTileBytes(layer: TileLayer, plan: TilePlan): number {
  const rule: LayerRule = LAYER_RULES[layer];
  const cellPlan = plan.mode === 'points' ? plan.fallback : plan;
  const cells = (TILE_EXTENT / cellPlan.cellSize) ** 2 * featureBytes(rule.cellAttributes, false);
  if (plan.mode === 'cells') return cells;
  return Math.max(cells, plan.maxPoints * featureBytes(rule.pointAttributes, true));
}
