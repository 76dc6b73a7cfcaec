import Link from 'next/link';
import { getTranslator } from '@/lib/i18n/server';

/** The same page for a number that does not exist and a signal of someone else: nothing to tell apart. */
export default async function SignalNotFound() {
  const { t } = await getTranslator();
  return (
    <div className="status-page" data-testid="not-found">
      <div className="status-card">
        <p className="status-code">{t('notFound.code')}</p>
        <h1>{t('signals.detail.notFoundTitle')}</h1>
        <p className="status-body">{t('signals.detail.notFoundBody')}</p>
        <Link className="button button-primary" href="/meldingen">
          {t('signals.detail.back')}
        </Link>
      </div>
    </div>
  );
}
