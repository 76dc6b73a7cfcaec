import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { findRegion, listMunicipalities } from '@/db/queries/areas';
import { getDb } from '@/db/server';
import { type AccessScope, aggregateMunicipalitiesIn } from '@/lib/auth/access';
import { regionCode as regionCodeSchema } from '@/lib/areas/codes';
import type { MunicipalitySummary, RegionSummary } from '@/lib/map/area-data';
import { PERSONAL_HEADERS, getAccessScope } from '../session';

export interface AnalysisArea {
  scope: AccessScope;
  region: RegionSummary;
  /** Every municipality of the region. */
  municipalities: MunicipalitySummary[];
  /** The NIS codes whose aggregates this person may see (lib/auth/access.ts decides). */
  visibleNis: string[];
}

type AreaLookup = { ok: true; area: AnalysisArea } | { ok: false; status: 401 | 404 };

/** The region and what of it this person may see; 401 anonymous, 404 unknown or not theirs. */
export async function lookupAnalysisArea(code: string): Promise<AreaLookup> {
  const scope = await getAccessScope();
  if (!scope) return { ok: false, status: 401 };
  if (!regionCodeSchema.safeParse(code).success) return { ok: false, status: 404 };
  const db = await getDb();
  const region = await findRegion(db, code);
  if (!region) return { ok: false, status: 404 };
  const municipalities = await listMunicipalities(db, code);
  const visibleNis = [
    ...aggregateMunicipalitiesIn(
      scope,
      code,
      municipalities.map((m) => m.nis),
    ),
  ].sort();
  // Another region's analysis answers like a region that does not exist.
  if (visibleNis.length === 0) return { ok: false, status: 404 };
  return { ok: true, area: { scope, region, municipalities, visibleNis } };
}

/** For pages: sign in first (and come back), or a real 404. */
export async function requireAnalysisArea(code: string, returnPath: string): Promise<AnalysisArea> {
  const lookup = await lookupAnalysisArea(code);
  if (lookup.ok) return lookup.area;
  if (lookup.status === 401) redirect(`/aanmelden?terug=${encodeURIComponent(returnPath)}`);
  notFound();
}

/** For route handlers: the area, or the JSON response to send instead. */
export async function analysisAreaOrResponse(
  code: string,
): Promise<{ ok: true; area: AnalysisArea } | { ok: false; response: Response }> {
  const lookup = await lookupAnalysisArea(code);
  if (lookup.ok) return lookup;
  const error =
    lookup.status === 401 ? 'Sign in first: this needs an account' : `No region with code ${code} that you may see`;
  return { ok: false, response: Response.json({ error }, { status: lookup.status, headers: PERSONAL_HEADERS }) };
}

/** The region a person's analysis opens on: an analyst's own, else the first they may see. */
export function homeRegionOf(scope: AccessScope | null, fallback: string): string {
  return scope?.regionCode ?? fallback;
}
