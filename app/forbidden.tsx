import Link from 'next/link';
import { KEMPEN_REGION_CODE } from '@/lib/areas/codes';
import { getTranslator } from '@/lib/i18n/server';
import { MAP_BASE_PATH } from '@/lib/map/map-url';

/** 403: signed in, but this page is not for this role (forbidden() in a server component). */
export default async function Forbidden() {
  const { t } = await getTranslator();
  return (
    <div className="status-page" data-testid="forbidden">
      <div className="status-card">
        <p className="status-code status-code-error">403</p>
        <h1>{t('signals.forbidden.title')}</h1>
        <p className="status-body">{t('signals.forbidden.body')}</p>
        <Link className="button button-primary" href={`${MAP_BASE_PATH}/${KEMPEN_REGION_CODE}`}>
          {t('signals.forbidden.toMap')}
        </Link>
      </div>
    </div>
  );
}
