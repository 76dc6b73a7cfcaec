'use client';

import { useI18n } from '@/app/_components/i18n-provider';

export function PrintButton() {
  const { t } = useI18n();
  return (
    <button type="button" className="button no-print" onClick={() => window.print()} data-testid="profile-print">
      {t('profile.print')}
    </button>
  );
}
