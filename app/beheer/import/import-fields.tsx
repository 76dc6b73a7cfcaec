'use client';

import { useI18n } from '@/app/_components/i18n-provider';
import { INDICATORS } from '@/lib/indicators/catalog';
import { IMPORT_LAYERS, type ImportLayer } from '@/lib/imports/layers';
import type { MessageKey } from '@/lib/i18n/messages/nl-BE';
import styles from '../admin.module.css';

export const LAYER_KEYS = {
  services: 'admin.import.layer.services',
  street_lights: 'admin.import.layer.street_lights',
  social_housing: 'admin.import.layer.social_housing',
  indicators: 'admin.import.layer.indicators',
} as const satisfies Record<ImportLayer, MessageKey>;

export interface FieldError {
  code: string;
  message: string;
}

/**
 * The controls of the import form, named as the API's multipart fields, so the form itself is
 * the request body. Coordinates only for point layers; indicator, period and source only for
 * indicators. Delimiter and encoding sit under "more options": the import detects them, and
 * they open by themselves when a dry run says they are the problem.
 */
export function ImportFields({
  layer,
  onLayer,
  disabled,
  errors,
  advancedOpen,
}: {
  layer: ImportLayer;
  onLayer: (layer: ImportLayer) => void;
  disabled: boolean;
  errors: Record<string, FieldError>;
  advancedOpen: boolean;
}) {
  const { t, lang } = useI18n();
  const error = (name: string) =>
    errors[name] && (
      <span className={styles.fieldError} id={`import-${name}-error`} data-testid={`field-error-${name}`}>
        {errors[name]!.message}
      </span>
    );
  const invalid = (name: string) =>
    errors[name] ? ({ 'aria-invalid': true, 'aria-describedby': `import-${name}-error` } as const) : {};
  return (
    <fieldset disabled={disabled} className={styles.fieldset}>
      <div className={styles.formGrid}>
        <div className={styles.field}>
          <label htmlFor="import-layer">{t('admin.import.field.layer')}</label>
          <select
            id="import-layer"
            name="layer"
            className={styles.selectInput}
            value={layer}
            data-testid="import-layer"
            onChange={(event) => onLayer(event.target.value as ImportLayer)}
            {...invalid('layer')}
          >
            {IMPORT_LAYERS.map((code) => (
              <option key={code} value={code}>
                {t(LAYER_KEYS[code])}
              </option>
            ))}
          </select>
          {error('layer')}
        </div>
        <div className={styles.field}>
          <label htmlFor="import-file">{t('admin.import.field.file')}</label>
          <input
            id="import-file"
            name="file"
            type="file"
            className={styles.input}
            accept=".csv,.txt,.tsv,.geojson,.json"
            required
            data-testid="import-file"
            {...invalid('file')}
          />
          <span className={styles.hint}>
            {t(layer === 'indicators' ? 'admin.import.hint.fileIndicators' : 'admin.import.hint.file')}
          </span>
          {error('file')}
        </div>
        {layer !== 'indicators' && (
          <div className={styles.field}>
            <label htmlFor="import-crs">{t('admin.import.field.crs')}</label>
            <select
              id="import-crs"
              name="crs"
              className={styles.selectInput}
              defaultValue="auto"
              data-testid="import-crs"
              {...invalid('crs')}
            >
              <option value="auto">{t('admin.import.crs.auto')}</option>
              <option value="wgs84">{t('admin.import.crs.wgs84')}</option>
              <option value="lambert72">{t('admin.import.crs.lambert72')}</option>
            </select>
            {error('crs')}
          </div>
        )}
        {layer === 'indicators' && (
          <>
            <div className={styles.field}>
              <label htmlFor="import-indicator">{t('admin.import.field.indicator')}</label>
              <select
                id="import-indicator"
                name="indicator"
                className={styles.selectInput}
                defaultValue=""
                {...invalid('indicator')}
              >
                <option value="">{t('admin.import.indicator.fromFile')}</option>
                {INDICATORS.map((indicator) => (
                  <option key={indicator.code} value={indicator.code}>
                    {indicator[lang]}
                  </option>
                ))}
              </select>
              {error('indicator')}
            </div>
            <div className={styles.field}>
              <label htmlFor="import-period">{t('admin.import.field.period')}</label>
              <input
                id="import-period"
                name="period"
                className={styles.input}
                placeholder={t('admin.import.period.placeholder')}
                maxLength={10}
                {...invalid('period')}
              />
              {error('period')}
            </div>
            <div className={styles.field}>
              <label htmlFor="import-source">{t('admin.import.field.source')}</label>
              <input
                id="import-source"
                name="source"
                className={styles.input}
                placeholder="Statbel"
                maxLength={120}
                {...invalid('source')}
              />
              <span className={styles.hint}>{t('admin.import.hint.source')}</span>
              {error('source')}
            </div>
          </>
        )}
      </div>
      <details className={styles.advanced} open={advancedOpen || undefined}>
        <summary>{t('admin.import.moreOptions')}</summary>
        <div className={styles.formGrid}>
          <div className={styles.field}>
            <label htmlFor="import-delimiter">{t('admin.import.field.delimiter')}</label>
            <select
              id="import-delimiter"
              name="delimiter"
              className={styles.selectInput}
              defaultValue="auto"
              data-testid="import-delimiter"
              {...invalid('delimiter')}
            >
              <option value="auto">{t('admin.import.auto')}</option>
              <option value="semicolon">{t('admin.import.delimiter.semicolon')}</option>
              <option value="comma">{t('admin.import.delimiter.comma')}</option>
              <option value="tab">{t('admin.import.delimiter.tab')}</option>
              <option value="pipe">{t('admin.import.delimiter.pipe')}</option>
            </select>
            {error('delimiter')}
          </div>
          <div className={styles.field}>
            <label htmlFor="import-encoding">{t('admin.import.field.encoding')}</label>
            <select
              id="import-encoding"
              name="encoding"
              className={styles.selectInput}
              defaultValue="auto"
              data-testid="import-encoding"
              {...invalid('encoding')}
            >
              <option value="auto">{t('admin.import.encoding.utf8')}</option>
              <option value="windows-1252">{t('admin.import.encoding.windows1252')}</option>
            </select>
            {error('encoding')}
          </div>
          {layer === 'indicators' && (
            <div className={styles.field}>
              <label htmlFor="import-aggregation">{t('admin.import.field.aggregation')}</label>
              <select
                id="import-aggregation"
                name="aggregation"
                className={styles.selectInput}
                defaultValue="auto"
                {...invalid('aggregation')}
              >
                <option value="auto">{t('admin.import.aggregation.auto')}</option>
                <option value="sum">{t('admin.import.aggregation.sum')}</option>
                <option value="weighted_mean">{t('admin.import.aggregation.weighted_mean')}</option>
              </select>
              {error('aggregation')}
            </div>
          )}
        </div>
      </details>
    </fieldset>
  );
}
