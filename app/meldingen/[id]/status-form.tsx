'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '@/app/_components/i18n-provider';
import styles from '@/app/_components/signal-page.module.css';
import type { ReferralService } from '@/db/queries/signal-status';
import type { SignalStatus } from '@/lib/signals/categories';
import { SIGNAL_OUTCOME_LABELS, SIGNAL_STATUS_LABELS } from '@/lib/signals/labels';
import type { FieldError } from '@/lib/signals/report-form';
import {
  NOTE_MAX,
  REFERRED_ORGANISATION_MAX,
  type SignalOutcome,
  parseStatusChange,
} from '@/lib/signals/status-workflow';
import { statusErrorMessage, type StatusFormField } from './status-errors';

interface StatusFormProps {
  signalId: number;
  currentStatus: SignalStatus;
  nextStatuses: SignalStatus[];
  closingOutcomes: SignalOutcome[];
  services: ReferralService[];
}

const FIELD_IDS: Record<StatusFormField, string> = {
  toStatus: 'status-to',
  outcome: 'status-outcome',
  referredServiceId: 'status-service',
  referredOrganisation: 'status-organisation',
  note: 'status-note',
  _form: 'status-form-error',
};

/**
 * The coordinator's next step: only the statuses that may follow, where it was referred to
 * (a service of the municipality, or an organisation's name), the outcome when closing, and a
 * short note. The browser runs the server's checks first; the server decides (and answers 409
 * when someone else moved the signal on in the meantime).
 */
export function StatusForm({ signalId, currentStatus, nextStatuses, closingOutcomes, services }: StatusFormProps) {
  const { t, lang } = useI18n();
  const router = useRouter();
  const [seenStatus, setSeenStatus] = useState(currentStatus);
  const [toStatus, setToStatus] = useState<SignalStatus | ''>('');
  const [serviceId, setServiceId] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<StatusFormField, string>>>({});
  const [sending, setSending] = useState(false);
  const [saved, setSaved] = useState<SignalStatus | null>(null);
  const inFlight = useRef(false);

  // A new current status (after our change, or a refresh): start the next step afresh.
  if (seenStatus !== currentStatus) {
    setSeenStatus(currentStatus);
    setToStatus('');
    setServiceId('');
    setOrganisation('');
    setOutcome('');
    setNote('');
    setErrors({});
  }

  const show = (found: Partial<Record<string, FieldError>>) => {
    const shown: Partial<Record<StatusFormField, string>> = {};
    for (const [field, error] of Object.entries(found)) {
      if (!error) continue;
      const target = (field in FIELD_IDS ? field : field === 'fromStatus' ? '_form' : '_form') as StatusFormField;
      shown[target] ??= statusErrorMessage(t, field, error);
    }
    setErrors(shown);
    const first = (Object.keys(FIELD_IDS) as StatusFormField[]).find((field) => shown[field]);
    if (first)
      requestAnimationFrame(() =>
        document.getElementById(first === 'toStatus' ? `status-to-${nextStatuses[0]}` : FIELD_IDS[first])?.focus(),
      );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) return;
    setSaved(null);
    const body = {
      fromStatus: currentStatus,
      toStatus,
      outcome: toStatus === 'closed' ? outcome : '',
      referredServiceId: toStatus === 'referred' ? serviceId : '',
      referredOrganisation: toStatus === 'referred' && !serviceId ? organisation : '',
      note,
    };
    const local = parseStatusChange(body);
    if (!local.ok) return show(local.errors);
    inFlight.current = true;
    setSending(true);
    try {
      const response = await fetch(`/api/signals/${signalId}/status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(local.value),
      });
      const answer = (await response.json().catch(() => null)) as { errors?: Record<string, FieldError> } | null;
      if (response.ok) {
        setErrors({});
        setSaved(local.value.toStatus);
        router.refresh();
      } else if (response.status === 409) {
        show({ _form: { code: 'stale', message: t('status.error.stale') } });
        router.refresh();
      } else if (response.status === 400 && answer?.errors) {
        show(answer.errors);
      } else {
        show({
          _form: {
            code: String(response.status),
            message: response.status === 404 ? t('status.error.notFound') : t('status.error.network'),
          },
        });
      }
    } catch {
      show({ _form: { code: 'network', message: t('status.error.network') } });
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  const fieldError = (field: StatusFormField) =>
    errors[field] && (
      <p className={styles.fieldError} id={`status-${field}-error`} data-testid={`status-error-${field}`}>
        {errors[field]}
      </p>
    );
  const invalid = (field: StatusFormField) =>
    errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `status-${field}-error` } : {};

  return (
    <form
      className={styles.card}
      onSubmit={submit}
      noValidate
      data-testid="status-form"
      aria-labelledby="status-form-heading"
    >
      <h2 id="status-form-heading" className="section-heading">
        {t('status.title')}
      </h2>
      {errors._form && (
        <p
          className={styles.formError}
          id="status-form-error"
          role="alert"
          tabIndex={-1}
          data-testid="status-error-form"
        >
          {errors._form}
        </p>
      )}
      <fieldset className={styles.fieldset} {...invalid('toStatus')}>
        <legend className={styles.legend}>{t('status.next')}</legend>
        <div className={styles.choices}>
          {nextStatuses.map((status) => (
            <label key={status} className={styles.choice}>
              <input
                type="radio"
                name="toStatus"
                id={`status-to-${status}`}
                value={status}
                checked={toStatus === status}
                onChange={() => setToStatus(status)}
                data-testid={`status-to-${status}`}
              />
              {SIGNAL_STATUS_LABELS[status][lang]}
            </label>
          ))}
        </div>
        {fieldError('toStatus')}
      </fieldset>

      {toStatus === 'referred' && (
        <div className={styles.row}>
          <div className={styles.field}>
            <label htmlFor="status-service">{t('status.service')}</label>
            <select
              id="status-service"
              className="select"
              value={serviceId}
              onChange={(event) => setServiceId(event.target.value)}
              {...invalid('referredServiceId')}
            >
              <option value="">{t('status.serviceNone')}</option>
              {services.map((service) => (
                <option key={service.id} value={service.id}>
                  {service.name}
                </option>
              ))}
            </select>
            {fieldError('referredServiceId')}
          </div>
          <div className={styles.field}>
            <label htmlFor="status-organisation">{t('status.organisation')}</label>
            <input
              id="status-organisation"
              className={styles.input}
              value={serviceId ? '' : organisation}
              disabled={serviceId !== ''}
              maxLength={REFERRED_ORGANISATION_MAX}
              onChange={(event) => setOrganisation(event.target.value)}
              {...invalid('referredOrganisation')}
            />
            {fieldError('referredOrganisation')}
          </div>
        </div>
      )}

      {toStatus === 'closed' && (
        <div className={styles.field}>
          <label htmlFor="status-outcome">{t('status.outcome')}</label>
          <select
            id="status-outcome"
            className="select"
            value={outcome}
            onChange={(event) => setOutcome(event.target.value)}
            {...invalid('outcome')}
          >
            <option value="" disabled>
              {t('report.choose')}
            </option>
            {closingOutcomes.map((code) => (
              <option key={code} value={code}>
                {SIGNAL_OUTCOME_LABELS[code][lang]}
              </option>
            ))}
          </select>
          {fieldError('outcome')}
        </div>
      )}

      <div className={styles.field}>
        <label htmlFor="status-note">{t('status.note')}</label>
        <p className={styles.hint} id="status-note-hint">
          {t('status.noteHint')}
        </p>
        <textarea
          id="status-note"
          className={styles.textarea}
          rows={3}
          maxLength={NOTE_MAX}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-describedby={errors.note ? 'status-note-hint status-note-error' : 'status-note-hint'}
          aria-invalid={errors.note ? true : undefined}
        />
        {fieldError('note')}
      </div>
      <div className={styles.actions}>
        <button type="submit" className="button button-primary" disabled={sending} data-testid="status-submit">
          {sending ? t('status.saving') : t('status.submit')}
        </button>
        <p className={styles.live} aria-live="polite">
          {saved && (
            <span className={styles.success} data-testid="status-saved">
              {t('status.saved', { status: SIGNAL_STATUS_LABELS[saved][lang] })}
            </span>
          )}
        </p>
      </div>
    </form>
  );
}
