import type { Metadata } from 'next';
import { requirePageScope } from '@/app/_server/page-access';
import { getCurrentAccount } from '@/app/_server/session';
import { getAreaDataVersion } from '@/db/queries/areas';
import { listReportingArea } from '@/db/queries/signals';
import { getDb } from '@/db/server';
import { parseEnv } from '@/lib/config/env';
import { getTranslator } from '@/lib/i18n/server';
import { PARTNER_TYPES, type PartnerType } from '@/lib/signals/categories';
import { DEFAULT_GRID_METRES } from '@/lib/signals/generalise';
import { MAX_OBSERVED_DAYS_AGO } from '@/lib/signals/report-form';
import { brusselsToday } from '@/lib/signals/today';
import styles from '@/app/_components/signal-page.module.css';
import { ReportForm } from './report-form';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('report.title') };
}

/** /melden: report a signal in one of the person's municipalities (the layout checked the role). */
export default async function ReportPage() {
  // The layout checked this already; layout and page render at the same time, so the page checks too.
  const scope = await requirePageScope('/melden', (candidate) => candidate.canReportSignals);
  const [{ t }, account, db] = await Promise.all([getTranslator(), getCurrentAccount(), getDb()]);
  const [area, dataVersion] = await Promise.all([listReportingArea(db, scope.municipalities), getAreaDataVersion(db)]);
  const env = parseEnv(process.env);
  const today = brusselsToday();
  // A partner's worker reports for their own organisation; a coordinator says which partner noticed it.
  const fixedPartner = (PARTNER_TYPES as readonly string[]).includes(scope.organisationType ?? '')
    ? (scope.organisationType as PartnerType)
    : null;
  return (
    <div className={styles.page}>
      <div className={styles.narrow}>
        <header className={styles.pageHead}>
          <h1 className={styles.title}>{t('report.title')}</h1>
          <p className={styles.lead}>{t('report.intro')}</p>
        </header>
        <ReportForm
          area={area}
          dataVersion={dataVersion}
          basemap={{
            basemap: env.ok ? env.env.BUURTRADAR_BASEMAP : 'offline',
            osmTileUrl: env.ok ? env.env.BUURTRADAR_OSM_TILE_URL : '',
          }}
          fixedPartner={fixedPartner}
          organisationName={account?.organisationName ?? null}
          today={today}
          earliest={shiftDays(today, -MAX_OBSERVED_DAYS_AGO)}
          gridMetres={env.ok ? env.env.BUURTRADAR_SIGNAL_GRID_M : DEFAULT_GRID_METRES}
        />
      </div>
    </div>
  );
}

function shiftDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
