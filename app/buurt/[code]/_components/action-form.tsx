'use client';

import { useActionState } from 'react';
import { useI18n } from '@/app/_components/i18n-provider';
import { ACTION_KINDS, ACTION_STATUSES } from '@/lib/analysis/actions';
import { SIGNAL_CATEGORIES } from '@/lib/signals/categories';
import type { ActionFormState } from '../actions';
import { actionErrorKey } from './action-errors';
import styles from './profile.module.css';

/** Records an action of the change plan; errors per field, from the server's validation. */
export function ActionForm({
  action,
}: {
  action: (state: ActionFormState, data: FormData) => Promise<ActionFormState>;
}) {
  const { t, lang } = useI18n();
  const [state, submit, pending] = useActionState(action, null);
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const error = (field: string) => {
    const found = state && !state.ok ? state.errors?.[field] : undefined;
    if (!found) return null;
    const key = actionErrorKey(field);
    return (
      <span className={styles.fieldError} role="alert" data-testid={`action-error-${field}`}>
        {key ? t(key) : found.message}
      </span>
    );
  };
  return (
    <form action={submit} className={`${styles.actionForm} no-print`} data-testid="action-form">
      <h3>{t('actions.new')}</h3>
      <label>
        <span>{t('actions.title')}</span>
        <input
          name="title"
          defaultValue={values.title}
          required
          minLength={3}
          maxLength={120}
          data-testid="action-title"
        />
        {error('title')}
      </label>
      <label>
        <span>{t('actions.owner')}</span>
        <input
          name="owner"
          defaultValue={values.owner}
          required
          minLength={2}
          maxLength={120}
          placeholder={t('actions.ownerHint')}
          data-testid="action-owner"
        />
        {error('owner')}
      </label>
      <label>
        <span>{t('actions.kind')}</span>
        <select name="kind" defaultValue={values.kind ?? 'quick_win'} data-testid="action-kind">
          {ACTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`actions.kind.${k}`)}
            </option>
          ))}
        </select>
        {error('kind')}
      </label>
      <label>
        <span>{t('actions.start')}</span>
        <input type="date" name="startDate" defaultValue={values.startDate} required data-testid="action-start" />
        {error('startDate')}
      </label>
      <label>
        <span>{t('actions.status')}</span>
        <select name="status" defaultValue={values.status ?? 'planned'}>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`actions.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('actions.hotspot')}</span>
        <select name="category" defaultValue={values.category ?? ''} data-testid="action-category">
          <option value="">{t('actions.wholeNeighbourhood')}</option>
          {SIGNAL_CATEGORIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c[lang]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button button-primary" disabled={pending} data-testid="action-submit">
        {t('actions.save')}
      </button>
      {state && !state.ok && state.error && (
        <p className={styles.fieldError} role="alert">
          {t('actions.notAllowed')}
        </p>
      )}
      {state?.ok && <p role="status">{t('actions.saved')}</p>}
    </form>
  );
}
