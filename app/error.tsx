'use client';

import { useEffect } from 'react';
import { useI18n } from './_components/i18n-provider';

/** Unexpected failures: an apology, a retry, and the digest that finds the server log line. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="status-page" role="alert">
      <div className="status-card">
        <p className="status-code status-code-error">!</p>
        <h1>{t('error.title')}</h1>
        <p className="status-body">{t('error.body')}</p>
        <button type="button" className="button button-primary" onClick={reset}>
          {t('error.retry')}
        </button>
        {error.digest && <p className="status-reference">{t('error.reference', { digest: error.digest })}</p>}
      </div>
    </div>
  );
}
