'use client';

import { useMemo } from 'react';
import { useI18n } from '@/app/_components/i18n-provider';
import styles from '@/app/_components/signal-page.module.css';
import { findPersonalData, type PersonalDataKind } from '@/lib/signals/personal-data';
import { DESCRIPTION_MAX } from '@/lib/signals/report-form';

const KIND_KEYS = {
  name_with_title: 'report.personal.name_with_title',
  phone: 'report.personal.phone',
  email: 'report.personal.email',
  national_register_number: 'report.personal.national_register_number',
  address: 'report.personal.address',
} as const satisfies Record<PersonalDataKind, string>;

/**
 * The description, with the same personal-data check the server runs, live while typing: what
 * it found is listed so the reporter can take it out before saving (the server refuses it too).
 */
export function DescriptionField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const findings = useMemo(() => findPersonalData(value), [value]);
  const describedBy = [
    'report-description-hint',
    'report-description-count',
    findings.length > 0 ? 'report-personal-data' : '',
    error ? 'report-description-error' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={styles.field}>
      <label htmlFor="report-description">{t('report.description.label')}</label>
      <p className={styles.hint} id="report-description-hint">
        {t('report.description.hint')}
      </p>
      <textarea
        id="report-description"
        className={styles.textarea}
        rows={5}
        maxLength={DESCRIPTION_MAX + 50}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error || findings.length > 0 ? true : undefined}
        aria-describedby={describedBy}
        data-testid="report-description"
      />
      <p className={styles.counter} id="report-description-count">
        {t('report.description.count', { count: value.trim().length, max: DESCRIPTION_MAX })}
      </p>
      <div aria-live="polite">
        {findings.length > 0 && (
          <div className={styles.warning} id="report-personal-data" data-testid="personal-data-warning">
            <p>
              <strong>{t('report.personal.title')}</strong>
            </p>
            <ul>
              {findings.map((finding) => (
                <li key={`${finding.start}-${finding.end}`}>
                  {t(KIND_KEYS[finding.kind])}: <q>{finding.excerpt}</q>
                </li>
              ))}
            </ul>
            <p>{t('report.personal.advice')}</p>
          </div>
        )}
      </div>
      {error && (
        <p className={styles.fieldError} id="report-description-error" data-testid="error-description">
          {error}
        </p>
      )}
    </div>
  );
}
