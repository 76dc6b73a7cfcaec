'use client';

import { useActionState, useState } from 'react';
import { useI18n } from '@/app/_components/i18n-provider';
import type { OrganisationChoice } from '@/db/queries/account-admin';
import { ORGANISATION_TYPES, ROLES, type Role } from '@/lib/auth/roles';
import { PARTNER_TYPE_LABELS } from '@/lib/signals/labels';
import styles from '../admin.module.css';
import { accountErrorMessage } from './account-errors';
import { type AccountFormState, createAccountAction } from './actions';
import { ROLE_KEYS } from './role-keys';

const INITIAL: AccountFormState = { status: 'idle' };
const MUNICIPALITY_ROLES: readonly Role[] = ['reporter', 'coordinator', 'advisor'];

/**
 * "New account": a server action with field errors next to each field. There is no public
 * sign-up; the admin gives the person their password by another channel. Which area fields
 * show depends on the role: municipalities for reporters, coordinators and advisors, a region
 * for a regional analyst.
 */
export function AccountForm({
  organisations,
  municipalities,
  regions,
}: {
  organisations: OrganisationChoice[];
  municipalities: { nis: string; name: string }[];
  regions: { code: string; name: string }[];
}) {
  const { t, lang } = useI18n();
  const [state, action, pending] = useActionState(createAccountAction, INITIAL);
  const [role, setRole] = useState<Role>('coordinator');
  const [organisation, setOrganisation] = useState('');
  const errors = state.status === 'error' ? state.errors : {};
  // React resets a form after its action; what was typed comes back as the defaults.
  const typed = state.status === 'error' ? (state.values ?? {}) : {};
  const typedText = (name: string) => (typeof typed[name] === 'string' ? typed[name] : '');
  const error = (name: string) =>
    errors[name] && (
      <span className={styles.fieldError} id={`account-${name}-error`} data-testid={`account-error-${name}`}>
        {accountErrorMessage(t, name, errors[name]!)}
      </span>
    );
  const invalid = (name: string) =>
    errors[name] ? ({ 'aria-invalid': true, 'aria-describedby': `account-${name}-error` } as const) : {};
  const orgTypeName = (type: string) =>
    type === 'municipality'
      ? t('admin.accounts.orgType.municipality')
      : (PARTNER_TYPE_LABELS[type as keyof typeof PARTNER_TYPE_LABELS]?.[lang] ?? type);
  return (
    <section className={styles.card} aria-labelledby="account-form-title">
      <h2 id="account-form-title" className={styles.cardTitle}>
        {t('admin.accounts.newTitle')}
      </h2>
      <form
        action={action}
        data-testid="account-form"
        noValidate
        key={state.status === 'created' ? `created-${state.userId}` : 'form'}
      >
        <div className={styles.formGrid}>
          <div className={styles.field}>
            <label htmlFor="account-name">{t('admin.accounts.field.name')}</label>
            <input
              id="account-name"
              name="name"
              defaultValue={typedText('name')}
              className={styles.input}
              autoComplete="off"
              maxLength={200}
              {...invalid('name')}
            />
            {error('name')}
          </div>
          <div className={styles.field}>
            <label htmlFor="account-email">{t('admin.accounts.field.email')}</label>
            <input
              id="account-email"
              name="email"
              type="email"
              defaultValue={typedText('email')}
              className={styles.input}
              autoComplete="off"
              spellCheck={false}
              maxLength={320}
              {...invalid('email')}
            />
            {error('email')}
          </div>
          <div className={styles.field}>
            <label htmlFor="account-password">{t('admin.accounts.field.password')}</label>
            <input
              id="account-password"
              name="password"
              type="password"
              className={styles.input}
              autoComplete="new-password"
              maxLength={128}
              {...invalid('password')}
            />
            <span className={styles.hint}>{t('admin.accounts.hint.password')}</span>
            {error('password')}
          </div>
          <div className={styles.field}>
            <label htmlFor="account-role">{t('admin.accounts.field.role')}</label>
            <select
              id="account-role"
              name="role"
              className={styles.selectInput}
              value={role}
              onChange={(event) => setRole(event.target.value as Role)}
              {...invalid('role')}
            >
              {ROLES.map((code) => (
                <option key={code} value={code}>
                  {t(ROLE_KEYS[code])}
                </option>
              ))}
            </select>
            {error('role')}
          </div>
          <div className={styles.field}>
            <label htmlFor="account-organisation">{t('admin.accounts.field.organisation')}</label>
            <select
              id="account-organisation"
              name="organisation"
              className={styles.selectInput}
              value={organisation}
              onChange={(event) => setOrganisation(event.target.value)}
              {...invalid('organisation')}
            >
              <option value="">{t('admin.accounts.organisation.none')}</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} ({orgTypeName(o.partnerType)})
                </option>
              ))}
              <option value="new">{t('admin.accounts.organisation.new')}</option>
            </select>
            {error('organisation')}
          </div>
          {organisation === 'new' && (
            <>
              <div className={styles.field}>
                <label htmlFor="account-new-org-name">{t('admin.accounts.field.newOrganisationName')}</label>
                <input
                  id="account-new-org-name"
                  name="newOrganisationName"
                  defaultValue={typedText('newOrganisationName')}
                  className={styles.input}
                  maxLength={200}
                  {...invalid('newOrganisationName')}
                />
                {error('newOrganisationName')}
              </div>
              <div className={styles.field}>
                <label htmlFor="account-new-org-type">{t('admin.accounts.field.newOrganisationType')}</label>
                <select
                  id="account-new-org-type"
                  name="newOrganisationType"
                  className={styles.selectInput}
                  defaultValue="municipality"
                  {...invalid('newOrganisationType')}
                >
                  {ORGANISATION_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {orgTypeName(type)}
                    </option>
                  ))}
                </select>
                {error('newOrganisationType')}
              </div>
            </>
          )}
          {MUNICIPALITY_ROLES.includes(role) && (
            <div className={styles.field}>
              <label htmlFor="account-municipalities">{t('admin.accounts.field.municipalities')}</label>
              <select
                id="account-municipalities"
                name="municipalities"
                multiple
                size={6}
                className={styles.selectInput}
                defaultValue={Array.isArray(typed.municipalities) ? typed.municipalities : []}
                {...invalid('municipalities')}
              >
                {municipalities.map((m) => (
                  <option key={m.nis} value={m.nis}>
                    {m.name}
                  </option>
                ))}
              </select>
              <span className={styles.hint}>{t('admin.accounts.hint.municipalities')}</span>
              {error('municipalities')}
            </div>
          )}
          {role === 'regional_analyst' && (
            <div className={styles.field}>
              <label htmlFor="account-region">{t('admin.accounts.field.region')}</label>
              <select
                id="account-region"
                name="regionCode"
                className={styles.selectInput}
                defaultValue={typedText('regionCode')}
                {...invalid('regionCode')}
              >
                <option value="">—</option>
                {regions.map((region) => (
                  <option key={region.code} value={region.code}>
                    {region.name}
                  </option>
                ))}
              </select>
              {error('regionCode')}
            </div>
          )}
        </div>
        <div className={styles.actions}>
          <button type="submit" className="button button-primary" disabled={pending} data-testid="account-submit">
            {pending ? t('admin.accounts.creating') : t('admin.accounts.create')}
          </button>
        </div>
        {errors._form && (
          <p className={styles.alert} role="alert">
            {accountErrorMessage(t, '_form', errors._form)}
          </p>
        )}
        {state.status === 'created' && (
          <p className={styles.success} role="status" data-testid="account-created">
            {t('admin.accounts.created')}
          </p>
        )}
      </form>
    </section>
  );
}
