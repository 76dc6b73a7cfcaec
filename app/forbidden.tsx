import Link from 'next/link';
import { getTranslator } from '@/lib/i18n/server';

/** 403: signed in, but this page is not for the person's role. Says so, and offers the map. */
export default async function Forbidden() {
  const { t } = await getTranslator();
  return (
    <div className="status-page" data-testid="forbidden">
      <div className="status-card">
        <p className="status-code status-code-error">403</p>
        <h1>{t('signals.forbidden.title')}</h1>
        <p className="status-body">{t('signals.forbidden.body')}</p>
        <Link className="button button-primary" href="/">{t('signals.forbidden.toMap')}</Link>
      </div>
    </div>
  );
}
