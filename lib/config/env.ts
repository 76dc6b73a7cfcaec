import { z } from 'zod';
import { DEFAULT_GRID_METRES, gridMetresSchema } from '@/lib/signals/generalise';

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value), {
    message: 'must be a PostgreSQL connection URL such as postgres://user:password@localhost:5432/buurtradar',
  });

const emptyAsUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** Every setting Buurtradar reads from the environment; the README's configuration table mirrors it. */
export const envSchema = z.object({
  DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  BUURTRADAR_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('.data/pglite')),
  BUURTRADAR_DEMO: z.preprocess(emptyAsUndefined, z.enum(['auto', 'on', 'off']).default('auto')),
  BUURTRADAR_BASEMAP: z.preprocess(emptyAsUndefined, z.enum(['offline', 'osm']).default('offline')),
  BUURTRADAR_OSM_TILE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((value) => /^https:\/\/.+\{z\}.+\{x\}.+\{y\}/.test(value), {
        message: 'must be an https URL template containing {z}, {x} and {y}',
      })
      .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  ),
  /** Grid (metres, Lambert 72) a reported signal's point is generalised to: 50–1000, default 100. */
  BUURTRADAR_SIGNAL_GRID_M: z.preprocess(emptyAsUndefined, gridMetresSchema.default(DEFAULT_GRID_METRES)),
  /** Small-numbers threshold of the analyses and exports: counts from 1 to this − 1 are hidden. */
  BUURTRADAR_MIN_COUNT: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ message: 'must be a whole number from 2 to 100' })
      .int('must be a whole number from 2 to 100')
      .min(2, 'must be at least 2')
      .max(100, 'must be at most 100')
      .default(5),
  ),
});

export type Env = z.infer<typeof envSchema>;

export type EnvResult = { ok: true; env: Env } | { ok: false; message: string };

/** Validates the environment; on failure returns one line naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const result = envSchema.safeParse(source);
  if (result.success) return { ok: true, env: result.data };
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
  return { ok: false, message: `Invalid configuration: ${problems.join('; ')}` };
}

/** True when demo data should be loaded: by default only on the embedded database. */
export function wantsDemoData(env: Env): boolean {
  if (env.BUURTRADAR_DEMO === 'on') return true;
  if (env.BUURTRADAR_DEMO === 'off') return false;
  return env.DATABASE_URL === undefined;
}
