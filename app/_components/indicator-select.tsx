'use client';

import { useId } from 'react';
import { INDICATORS, type IndicatorCode } from '@/lib/indicators/catalog';
import { useI18n } from './i18n-provider';

export function IndicatorSelect({
  value,
  onChange,
}: {
  value: IndicatorCode;
  onChange: (code: IndicatorCode) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('map.indicatorLabel')}</label>
      <select
        id={id}
        className="select"
        data-testid="indicator-select"
        value={value}
        onChange={(event) => {
          const chosen = INDICATORS.find((indicator) => indicator.code === event.target.value);
          if (chosen) onChange(chosen.code);
        }}
      >
        {INDICATORS.map((indicator) => (
          <option key={indicator.code} value={indicator.code}>
            {indicator[lang]}
          </option>
        ))}
      </select>
    </div>
  );
}
