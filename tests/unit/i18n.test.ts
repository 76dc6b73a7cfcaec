import { describe, expect, it } from 'vitest';
import { formatMeasure, formatNumber } from '@/lib/i18n/format';
import { resolveLocale } from '@/lib/i18n/locale';
import { en } from '@/lib/i18n/messages/en';
import { nlBE } from '@/lib/i18n/messages/nl-BE';
import { createTranslator, messagesFor } from '@/lib/i18n/translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have the same keys and the same parameters in every language', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nlBE).sort());
    for (const key of Object.keys(nlBE) as (keyof typeof nlBE)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nlBE[key]));
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('fill in parameters, and leave a missing one visible instead of failing', () => {
    const t = createTranslator(messagesFor('nl-BE'));
    expect(t('map.regionSummary', { municipalities: 29, neighbourhoods: 182 })).toBe('29 gemeenten · 182 buurten');
    expect(createTranslator(messagesFor('en'))('credit.boundaries')).toBe(
      'Boundaries: Statbel / Provincies in Cijfers',
    );
    const loose = t as unknown as (key: string, params: Record<string, unknown>) => string;
    expect(loose('map.regionSummary', { municipalities: 3 })).toBe('3 gemeenten · {neighbourhoods} buurten');
  });
});

describe('locale', () => {
  it('prefers the cookie, then Accept-Language by weight, then Dutch', () => {
    expect(resolveLocale({ cookie: 'en', acceptLanguage: 'nl-BE' })).toBe('en');
    expect(resolveLocale({ cookie: 'fr', acceptLanguage: 'fr-BE,en;q=0.8,nl;q=0.9' })).toBe('nl-BE');
    expect(resolveLocale({ acceptLanguage: 'en-GB,en;q=0.9' })).toBe('en');
    expect(resolveLocale({ acceptLanguage: 'de-DE, fr;q=0.5' })).toBe('nl-BE');
    expect(resolveLocale({})).toBe('nl-BE');
  });
});

describe('number formatting', () => {
  it('writes numbers the way each locale does', () => {
    expect(formatNumber('nl-BE', 1234.5, 1)).toBe('1.234,5');
    expect(formatNumber('en', 1234.5, 1)).toBe('1,234.5');
  });

  it('writes values with their unit', () => {
    const nl = createTranslator(messagesFor('nl-BE'));
    expect(formatMeasure('nl-BE', nl, 21.34, '%', 1)).toBe('21,3%');
    expect(formatMeasure('nl-BE', nl, 3677, 'inhabitants')).toBe('3.677 inwoners');
    expect(formatMeasure('nl-BE', nl, 21260, 'EUR').replace(/\s/g, ' ')).toBe('€ 21.260');
    expect(formatMeasure('en', createTranslator(messagesFor('en')), 21260, 'EUR')).toBe('€21,260');
    expect(formatMeasure('nl-BE', nl, 2, 'km')).toBe('2 km');
  });
});
