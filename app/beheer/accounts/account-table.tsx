'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_components/i18n-provider';
import type { AccountListItem } from '@/db/queries/account-admin';
import styles from '../admin.module.css';
import { type AccountActionState, accountAction } from './actions';
import { ROLE_KEYS } from './role-keys';

type Row = Omit<AccountListItem, 'disabledAt'> & { disabledAt: string | null };

/** Accounts with their role, organisation and area; per account "sign out everywhere" and "disable". */
export function AccountTable({ accounts, selfId }: { accounts: Row[]; selfId: number }) {
  const { t } = useI18n();
  return (
    <section className={styles.card} aria-labelledby="accounts-title">
      <h2 id="accounts-title" className={styles.cardTitle}>
        {t('admin.accounts.listTitle', { count: accounts.length })}
      </h2>
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="account-table">
          <thead>
            <tr>
              <th>{t('admin.accounts.col.name')}</th>
              <th>{t('admin.accounts.col.role')}</th>
              <th>{t('admin.accounts.col.organisation')}</th>
              <th>{t('admin.accounts.col.area')}</th>
              <th>{t('admin.accounts.col.status')}</th>
              <th>
                <span className="visually-hidden">{t('admin.history.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id} data-testid={`account-${account.id}`} data-email={account.email}>
                <td>
                  {account.name}
                  <div className={styles.hint}>{account.email}</div>
                </td>
                <td>{t(ROLE_KEYS[account.role])}</td>
                <td>{account.organisationName ?? '—'}</td>
                <td>
                  {account.role === 'regional_analyst'
                    ? (account.regionName ?? account.regionCode)
                    : account.municipalities.map((m) => m.name).join(', ') || '—'}
                </td>
                <td>
                  {account.disabledAt ? (
                    <span className={`${styles.badge} ${styles.badgeMuted}`} data-testid="account-status">
                      {t('admin.accounts.disabled')}
                    </span>
                  ) : (
                    <span className={styles.badge} data-testid="account-status">
                      {t('admin.accounts.active')}
                    </span>
                  )}
                  <div className={styles.hint}>{t('admin.accounts.sessions', { count: account.activeSessions })}</div>
                </td>
                <td>
                  <AccountActions id={account.id} disabled={account.disabledAt !== null} self={account.id === selfId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const INITIAL: AccountActionState = { status: 'idle' };

function AccountActions({ id, disabled, self }: { id: number; disabled: boolean; self: boolean }) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(accountAction, INITIAL);
  return (
    <form action={action} className={styles.inlineActions}>
      <input type="hidden" name="userId" value={id} />
      <button
        type="submit"
        name="intent"
        value="revoke"
        className="button button-small"
        disabled={pending}
        data-testid={`revoke-${id}`}
      >
        {t('admin.accounts.revoke')}
      </button>
      {!disabled && !self && (
        <button
          type="submit"
          name="intent"
          value="disable"
          className={`button button-small ${styles.buttonDanger}`}
          disabled={pending}
          data-testid={`disable-${id}`}
        >
          {t('admin.accounts.disable')}
        </button>
      )}
      {state.status === 'done' && (
        <span className={styles.hint} role="status" data-testid={`account-message-${id}`}>
          {state.message === 'revoked'
            ? t('admin.accounts.revoked', { count: state.count ?? 0 })
            : t('admin.accounts.disabledNow')}
        </span>
      )}
      {state.status === 'error' && (
        <span className={styles.fieldError} role="alert">
          {state.message}
        </span>
      )}
    </form>
  );
}
