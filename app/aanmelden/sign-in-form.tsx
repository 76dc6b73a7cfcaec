'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_components/i18n-provider';
import { signIn, type SignInState } from './actions';
import styles from './sign-in.module.css';

const INITIAL: SignInState = { error: null };
const ERROR_KEYS = {
  missing: 'auth.error.missing',
  invalid: 'auth.error.invalid',
  unavailable: 'auth.error.unavailable',
} as const;

/**
 * E-mail + password, posted to a server action: works before hydration and without
 * JavaScript. The password never appears in a URL (POST) and nothing is kept in browser storage.
 */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(signIn, INITIAL);
  const message =
    state.error === null
      ? null
      : state.error === 'throttled'
        ? t('auth.error.throttled', { minutes: state.minutes })
        : t(ERROR_KEYS[state.error]);
  return (
    <form action={action} className={styles.form} data-testid="sign-in-form" noValidate>
      <input type="hidden" name="returnTo" value={returnTo} />
      {message && (
        <p className={styles.error} role="alert" data-testid="sign-in-error">
          {message}
        </p>
      )}
      <div className={styles.field}>
        <label htmlFor="sign-in-email">{t('auth.signIn.email')}</label>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          spellCheck={false}
          aria-invalid={state.error === 'invalid' || undefined}
        />
      </div>
      <div className={styles.field}>
        <label htmlFor="sign-in-password">{t('auth.signIn.password')}</label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.error === 'invalid' || undefined}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={pending} data-testid="sign-in-submit">
        {pending ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
      </button>
    </form>
  );
}
