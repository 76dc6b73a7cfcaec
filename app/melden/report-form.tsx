'use client';

import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '@/app/_components/i18n-provider';
import styles from '@/app/_components/signal-page.module.css';
import { useNeighbourhoods } from '@/app/_components/use-neighbourhoods';
import type { ReportingArea } from '@/db/queries/signals';
import type { BasemapOptions } from '@/lib/map/style';
import { PARTNER_TYPES, SIGNAL_CATEGORIES, URGENCIES, type PartnerType } from '@/lib/signals/categories';
import { newIdempotencyKey } from '@/lib/signals/idempotency-key';
import { PARTNER_TYPE_LABELS } from '@/lib/signals/labels';
import { type FieldError, parseSignalReport } from '@/lib/signals/report-form';
import { DescriptionField } from './description-field';
import { type Place, PlacePicker } from './place-picker';
import { type ReportFormField, formFieldOf, reportErrorMessage } from './report-errors';

export interface ReportFormProps {
  area: ReportingArea;
  dataVersion: string;
  basemap: BasemapOptions;
  /** The partner type of the reporter's organisation; null: the person chooses (coordinators). */
  fixedPartner: PartnerType | null;
  organisationName: string | null;
  today: string;
  earliest: string;
  gridMetres: number;
}

interface Draft {
  place: Place | null;
  category: string;
  subcategory: string;
  urgency: (typeof URGENCIES)[number];
  description: string;
  followUpRequested: boolean;
  partnerType: string;
  observedOn: string;
}

interface Reported {
  id: number;
  neighbourhoodName: string;
  municipalityName: string;
}
type Errors = Partial<Record<ReportFormField, string>>;

/** Where focus goes for an error of each field: the first control of the field. */
const FIELD_IDS: Record<ReportFormField, string> = {
  place: 'report-place-list',
  category: 'report-category',
  subcategory: 'report-subcategory',
  urgency: 'report-urgency-normal',
  description: 'report-description',
  followUpRequested: 'report-follow-up',
  partnerType: 'report-partner',
  observedOn: 'report-observed',
  _form: 'report-form-error',
};

/**
 * The report form. One idempotency key per filled-in form, kept in React state only (never
 * in the URL or browser storage): a double click, or a retry after a lost answer, sends the
 * same key, and the server stores the signal once. The browser runs the server's own checks
 * first so that errors show at once; the server decides.
 */
export function ReportForm(props: ReportFormProps) {
  const { t, lang } = useI18n();
  const initial = (): Draft => ({
    place: null,
    category: '',
    subcategory: '',
    urgency: 'normal',
    description: '',
    followUpRequested: false,
    partnerType: props.fixedPartner ?? '',
    observedOn: props.today,
  });
  const [draft, setDraft] = useState<Draft>(initial);
  const [key, setKey] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<Errors>({});
  const [sending, setSending] = useState(false);
  const [reported, setReported] = useState<Reported | null>(null);
  const inFlight = useRef(false);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const neighbourhoods = useNeighbourhoods(
    props.area.municipalities.map((m) => m.nis),
    props.dataVersion,
  );
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [field]: value }));
  const category = SIGNAL_CATEGORIES.find((c) => c.code === draft.category);

  useEffect(() => {
    if (reported) doneHeading.current?.focus();
  }, [reported]);

  const showErrors = (found: Partial<Record<string, FieldError>>) => {
    const shown: Errors = {};
    for (const [field, error] of Object.entries(found)) {
      if (!error) continue;
      const target = formFieldOf(field);
      shown[target] ??= reportErrorMessage(t, target, error);
    }
    setErrors(shown);
    const first = (Object.keys(FIELD_IDS) as ReportFormField[]).find((field) => shown[field]);
    if (first) requestAnimationFrame(() => document.getElementById(FIELD_IDS[first])?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) return; // a second click while the first is on its way
    const body = {
      category: draft.category,
      subcategory: draft.subcategory || undefined,
      urgency: draft.urgency,
      description: draft.description,
      followUpRequested: draft.followUpRequested,
      partnerType: draft.partnerType,
      observedOn: draft.observedOn || undefined,
      lon: draft.place?.lon,
      lat: draft.place?.lat,
      idempotencyKey: key,
    };
    const local = parseSignalReport(body, { today: props.today });
    const placeOutside = draft.place && neighbourhoods && draft.place.neighbourhoodCode === null;
    if (!local.ok || placeOutside) {
      showErrors({
        ...(local.ok ? {} : local.errors),
        ...(placeOutside ? { location: { code: 'outside_your_municipalities', message: '' } } : {}),
      });
      return;
    }
    inFlight.current = true;
    setSending(true);
    try {
      const response = await fetch('/api/signals', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await response.json().catch(() => null)) as {
        signal?: Reported;
        errors?: Record<string, FieldError>;
      } | null;
      if ((response.status === 200 || response.status === 201) && answer?.signal) {
        setErrors({});
        setReported(answer.signal);
      } else if (response.status === 400 && answer?.errors) {
        showErrors(answer.errors);
      } else {
        const message =
          response.status === 409
            ? t('report.error.keyReused')
            : response.status === 401
              ? t('report.error.signedOut')
              : response.status === 403
                ? t('report.error.forbidden')
                : t('report.error.network');
        showErrors({ _form: { code: String(response.status), message } });
      }
    } catch {
      // No answer: the signal may or may not be stored. Sending again with the same key is safe.
      showErrors({ _form: { code: 'network', message: t('report.error.network') } });
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  const reportAnother = () => {
    setDraft(initial());
    setKey(newIdempotencyKey());
    setReported(null);
    setErrors({});
  };

  if (reported) {
    return (
      <section className={styles.card} aria-labelledby="report-done-title" data-testid="report-done">
        <h2 id="report-done-title" className={styles.doneTitle} tabIndex={-1} ref={doneHeading}>
          {t('report.done.title')}
        </h2>
        <p className={styles.lead}>
          {t('report.done.body', {
            id: reported.id,
            neighbourhood: reported.neighbourhoodName,
            municipality: reported.municipalityName,
          })}
        </p>
        <div className={styles.actions}>
          <Link className="button button-primary" href={`/meldingen/${reported.id}`} data-testid="report-done-open">
            {t('report.done.open')}
          </Link>
          <Link className="button" href="/meldingen">
            {t('report.done.list')}
          </Link>
          <button type="button" className="button" onClick={reportAnother}>
            {t('report.done.another')}
          </button>
        </div>
      </section>
    );
  }

  const described = (field: ReportFormField) =>
    errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `report-${field}-error` } : {};
  const fieldError = (field: ReportFormField) =>
    errors[field] && (
      <p className={styles.fieldError} id={`report-${field}-error`} data-testid={`error-${field}`}>
        {errors[field]}
      </p>
    );

  return (
    <form className={styles.card} onSubmit={submit} noValidate data-testid="report-form" aria-busy={sending}>
      {errors._form && (
        <p className={styles.formError} id="report-form-error" role="alert" tabIndex={-1} data-testid="error-form">
          {errors._form}
        </p>
      )}
      <PlacePicker
        area={props.area}
        neighbourhoods={neighbourhoods}
        basemap={props.basemap}
        gridMetres={props.gridMetres}
        place={draft.place}
        onChange={(place) => set('place', place)}
        error={errors.place}
      />

      <div className={styles.row}>
        <div className={styles.field}>
          <label htmlFor="report-category">{t('report.category')}</label>
          <select
            id="report-category"
            className="select"
            value={draft.category}
            {...described('category')}
            onChange={(event) => setDraft((current) => ({ ...current, category: event.target.value, subcategory: '' }))}
          >
            <option value="" disabled>
              {t('report.choose')}
            </option>
            {SIGNAL_CATEGORIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c[lang]}
              </option>
            ))}
          </select>
          {fieldError('category')}
        </div>
        {category && category.subcategories.length > 0 && (
          <div className={styles.field}>
            <label htmlFor="report-subcategory">{t('report.subcategory')}</label>
            <select
              id="report-subcategory"
              className="select"
              value={draft.subcategory}
              {...described('subcategory')}
              onChange={(event) => set('subcategory', event.target.value)}
            >
              <option value="">{t('report.subcategoryNone')}</option>
              {category.subcategories.map((s) => (
                <option key={s.code} value={s.code}>
                  {s[lang]}
                </option>
              ))}
            </select>
            {fieldError('subcategory')}
          </div>
        )}
      </div>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('report.urgency')}</legend>
        <div className={styles.choices}>
          {URGENCIES.map((urgency) => (
            <label key={urgency} className={styles.choice}>
              <input
                type="radio"
                name="urgency"
                id={`report-urgency-${urgency}`}
                value={urgency}
                checked={draft.urgency === urgency}
                onChange={() => set('urgency', urgency)}
              />
              {t(`report.urgency.${urgency}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <DescriptionField
        value={draft.description}
        onChange={(value) => set('description', value)}
        error={errors.description}
      />

      <label className={styles.checkbox}>
        <input
          type="checkbox"
          id="report-follow-up"
          checked={draft.followUpRequested}
          onChange={(event) => set('followUpRequested', event.target.checked)}
        />
        <span>
          {t('report.followUp')}
          <span className={styles.hint}>{t('report.followUpHint')}</span>
        </span>
      </label>

      <div className={styles.row}>
        <div className={styles.field}>
          {props.fixedPartner ? (
            <>
              <span className={styles.label} id="report-partner-label">
                {t('report.partner')}
              </span>
              <p
                className={styles.fixed}
                id="report-partner"
                tabIndex={-1}
                aria-labelledby="report-partner-label report-partner"
              >
                {props.organisationName ? `${props.organisationName} · ` : ''}
                {PARTNER_TYPE_LABELS[props.fixedPartner][lang]}
              </p>
            </>
          ) : (
            <>
              <label htmlFor="report-partner">{t('report.partnerChoose')}</label>
              <select
                id="report-partner"
                className="select"
                value={draft.partnerType}
                {...described('partnerType')}
                onChange={(event) => set('partnerType', event.target.value)}
              >
                <option value="" disabled>
                  {t('report.choose')}
                </option>
                {PARTNER_TYPES.map((p) => (
                  <option key={p} value={p}>
                    {PARTNER_TYPE_LABELS[p][lang]}
                  </option>
                ))}
              </select>
            </>
          )}
          {fieldError('partnerType')}
        </div>
        <div className={styles.field}>
          <label htmlFor="report-observed">{t('report.observedOn')}</label>
          <input
            id="report-observed"
            type="date"
            className={styles.input}
            value={draft.observedOn}
            min={props.earliest}
            max={props.today}
            {...described('observedOn')}
            onChange={(event) => set('observedOn', event.target.value)}
          />
          {fieldError('observedOn')}
        </div>
      </div>

      <div className={styles.actions}>
        <button
          type="submit"
          id="report-submit"
          className="button button-primary"
          disabled={sending}
          data-testid="report-submit"
        >
          {sending ? t('report.sending') : t('report.submit')}
        </button>
      </div>
    </form>
  );
}
