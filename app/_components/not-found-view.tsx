import Link from 'next/link';
import { listRegions } from '@/db/queries/areas';
import { getDb } from '@/db/server';
import { KEMPEN_REGION_CODE } from '@/lib/areas/codes';
import type { RegionSummary } from '@/lib/map/area-data';
import { MAP_BASE_PATH } from '@/lib/map/map-url';
import { getTranslator } from '@/lib/i18n/server';

/** Regions to offer as a way out; a 404 page must not fail itself, so without a database: none. */
async function regionsOrNone(): Promise<RegionSummary[]> {
  try {
    return await listRegions(await getDb());
  } catch {
    return [];
  }
}

/** The 404 page: says what went wrong in words a user knows, and offers the way back. */
export async function NotFoundView({ variant }: { variant: 'page' | 'area' }) {
  const [{ t }, regions] = await Promise.all([getTranslator(), regionsOrNone()]);
  return (
    <div className="status-page" data-testid="not-found">
      <div className="status-card">
        <p className="status-code">{t('notFound.code')}</p>
        <h1>{variant === 'area' ? t('notFound.areaTitle') : t('notFound.title')}</h1>
        <p className="status-body">{variant === 'area' ? t('notFound.areaBody') : t('notFound.body')}</p>
        <Link className="button button-primary" href={`${MAP_BASE_PATH}/${KEMPEN_REGION_CODE}`}>
          {t('notFound.backToMap')}
        </Link>
        {regions.length > 0 && (
          <>
            <h2 className="status-subheading">{t('notFound.regionsHeading')}</h2>
            <ul className="chip-list">
              {regions.map((region) => (
                <li key={region.code}>
                  <Link className="chip" href={`${MAP_BASE_PATH}/${region.code}`}>
                    {region.name}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
