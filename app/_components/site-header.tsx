import Link from 'next/link';
import { isAdministrator } from '@/app/_server/admin-page';
import type { CurrentAccount } from '@/app/_server/current-account';
import { getCurrentAccount } from '@/app/_server/session';
import { KEMPEN_REGION_CODE } from '@/lib/areas/codes';
import type { Locale } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/translate';
import { MAP_BASE_PATH } from '@/lib/map/map-url';
import { LanguageSwitch } from './language-switch';
import { NavLink } from './nav-link';
import { UserMenu } from './user-menu';

export async function SiteHeader({ locale, t, demo }: { locale: Locale; t: Translate; demo: boolean }) {
  const account = await accountOrAnonymous();
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        <BrandMark />
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </Link>
      <nav aria-label={t('header.mainNavigation')} className="site-nav">
        <NavLink href={`${MAP_BASE_PATH}/${KEMPEN_REGION_CODE}`} section={MAP_BASE_PATH}>
          {t('header.nav.map')}
        </NavLink>
        {account?.scope.canReportSignals && (
          <NavLink href="/melden" section="/melden">
            {t('signals.nav.report')}
          </NavLink>
        )}
        {account?.scope.canSeeSignalPoints && (
          <NavLink href="/meldingen" section="/meldingen">
            {account.scope.role === 'reporter' ? t('signals.nav.ownList') : t('signals.nav.list')}
          </NavLink>
        )}
        {account?.scope.canSeeAggregates && (
          <>
            <NavLink href="/analyse" section="/analyse">
              {t('header.nav.analysis')}
            </NavLink>
            <NavLink href="/vergelijk" section="/vergelijk">
              {t('header.nav.compare')}
            </NavLink>
          </>
        )}
        {isAdministrator(account?.scope) && (
          <NavLink href="/beheer" section="/beheer">
            {t('header.nav.admin')}
          </NavLink>
        )}
      </nav>
      <div className="site-header-end">
        {demo && (
          <span className="demo-badge" data-testid="demo-badge" title={t('header.demoBadgeTitle')}>
            <span className="demo-badge-dot" aria-hidden="true" />
            {t('header.demoBadge')}
          </span>
        )}
        <LanguageSwitch locale={locale} t={t} />
        <UserMenu account={account} t={t} />
      </div>
    </header>
  );
}

/**
 * Who is signed in, for the header. The header must not be what breaks a page: when the
 * sessions cannot be read (database down) it shows the sign-in link, and the page itself
 * reports the database error.
 */
async function accountOrAnonymous(): Promise<CurrentAccount | null> {
  try {
    return await getCurrentAccount();
  } catch (error) {
    console.error('[buurtradar] could not read the session for the header', error);
    return null;
  }
}

/** A radar over a neighbourhood grid: drawn inline, so the header needs no image request. */
function BrandMark() {
  return (
    <svg className="brand-mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="#1d5c96" />
      <path d="M16 16 L16 6 A10 10 0 0 1 25.5 13 Z" fill="#7fcdbb" opacity="0.9" />
      <circle cx="16" cy="16" r="10" fill="none" stroke="#ffffff" strokeOpacity="0.55" strokeWidth="1.4" />
      <circle cx="16" cy="16" r="5.5" fill="none" stroke="#ffffff" strokeOpacity="0.55" strokeWidth="1.4" />
      <circle cx="16" cy="16" r="2" fill="#ffffff" />
      <circle cx="21.5" cy="10.5" r="1.6" fill="#ffffcc" />
    </svg>
  );
}
