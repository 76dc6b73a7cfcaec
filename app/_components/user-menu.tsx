import Link from 'next/link';
import { signOut } from '@/app/aanmelden/actions';
import type { CurrentAccount } from '@/app/_server/current-account';
import type { Translate } from '@/lib/i18n/translate';
import { SignInLink } from './sign-in-link';
import styles from './user-menu.module.css';

const ROLE_KEYS = {
  reporter: 'auth.role.reporter',
  coordinator: 'auth.role.coordinator',
  advisor: 'auth.role.advisor',
  regional_analyst: 'auth.role.regional_analyst',
  admin: 'auth.role.admin',
} as const;

/**
 * The header's account corner: "Aanmelden" for visitors; for a signed-in person their name and
 * role, opening (a <details>, so no JavaScript needed) onto organisation, area and sign-out.
 */
export function UserMenu({ account, t }: { account: CurrentAccount | null; t: Translate }) {
  if (!account) return <SignInLink label={t('auth.signInLink')} />;
  const role = t(ROLE_KEYS[account.scope.role]);
  const areaLabel = account.scope.role === 'regional_analyst' ? t('auth.menu.region') : t('auth.menu.municipalities');
  return (
    <details className={styles.menu} data-testid="user-menu">
      <summary className={styles.summary} aria-label={t('auth.menu.label', { name: account.name })}>
        <span className={styles.avatar} aria-hidden="true">
          {initials(account.name)}
        </span>
        <span className={styles.who}>
          <span className={styles.name} data-testid="user-menu-name">
            {account.name}
          </span>
          <span className={styles.role} data-testid="user-menu-role">
            {role}
          </span>
        </span>
      </summary>
      <div className={styles.panel}>
        <dl className={styles.facts}>
          <dt>{t('auth.menu.role')}</dt>
          <dd>{role}</dd>
          {account.organisationName && (
            <>
              <dt>{t('auth.menu.organisation')}</dt>
              <dd>{account.organisationName}</dd>
            </>
          )}
          {account.areaNames.length > 0 && (
            <>
              <dt>{areaLabel}</dt>
              <dd>{account.areaNames.join(', ')}</dd>
            </>
          )}
        </dl>
        {(account.scope.canReportSignals || account.scope.canSeeSignalPoints) && (
          // The header's nav is hidden on phones: the signal pages are reachable from here too.
          <ul className={styles.links}>
            {account.scope.canReportSignals && (
              <li>
                <Link href="/melden">{t('signals.nav.report')}</Link>
              </li>
            )}
            {account.scope.canSeeSignalPoints && (
              <li>
                <Link href="/meldingen">
                  {account.scope.role === 'reporter' ? t('signals.nav.ownList') : t('signals.nav.list')}
                </Link>
              </li>
            )}
          </ul>
        )}
        <form action={signOut}>
          <button type="submit" className="button button-small" data-testid="sign-out">
            {t('auth.signOut')}
          </button>
        </form>
      </div>
    </details>
  );
}

function initials(name: string): string {
  const words = name
    .replace(/\(.*?\)/g, '')
    .trim()
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word));
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words.slice(0, 1);
  return letters.map((word) => word[0]!.toUpperCase()).join('') || '?';
}
