import type { Metadata } from 'next';
import Link from 'next/link';
import { getCurrentAccount } from '@/app/_server/session';
import type { CurrentAccount } from '@/app/_server/current-account';
import { hasDemoData } from '@/db/queries/demo';
import { getDb } from '@/db/server';
import { safeReturnPath } from '@/lib/auth/return-path';
import { getTranslator } from '@/lib/i18n/server';
import { signOut } from './actions';
import { SignInForm } from './sign-in-form';
import styles from './sign-in.module.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('auth.signIn.title') };
}

interface SignInPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** /aanmelden: the sign-in form, or, when already signed in, who you are and a way out. */
export default async function SignInPage({ searchParams }: SignInPageProps) {
  const [{ t }, search, account, demo] = await Promise.all([
    getTranslator(),
    searchParams,
    accountOrNull(),
    demoOrNot(),
  ]);
  const returnTo = safeReturnPath(search.terug);
  return (
    <div className="status-page">
      <div className={`status-card ${styles.card}`} data-testid="sign-in-page">
        {account ? (
          <>
            <h1>{t('auth.signedIn.title')}</h1>
            <p className="status-body">{t('auth.signedIn.body', { name: account.name })}</p>
            <div className={styles.actions}>
              <Link className="button button-primary" href={returnTo}>
                {t('auth.signedIn.toMap')}
              </Link>
              <form action={signOut}>
                <button type="submit" className="button" data-testid="sign-out">
                  {t('auth.signOut')}
                </button>
              </form>
            </div>
          </>
        ) : (
          <>
            <h1>{t('auth.signIn.title')}</h1>
            <p className="status-body">{t('auth.signIn.intro')}</p>
            <SignInForm returnTo={returnTo} />
            <p className={styles.note}>{t('auth.signIn.noAccount')}</p>
            {demo && <p className={styles.demo}>{t('auth.signIn.demoHint')}</p>}
          </>
        )}
      </div>
    </div>
  );
}

/** A database that cannot answer shows the form; signing in then says it is not possible. */
async function accountOrNull(): Promise<CurrentAccount | null> {
  try {
    return await getCurrentAccount();
  } catch (error) {
    console.error('[buurtradar] could not read the session', error);
    return null;
  }
}

async function demoOrNot(): Promise<boolean> {
  try {
    return await hasDemoData(await getDb());
  } catch {
    return false;
  }
}
