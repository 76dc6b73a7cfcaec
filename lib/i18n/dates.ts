import type { Locale } from './locale';

/** Dates as people in Flanders read them, always on the Brussels clock (the server may run in UTC). */
const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
      timeZone: 'Europe/Brussels',
    });
    formats.set(key, found);
  }
  return found;
}

/** "23 nov 2026" / "23 Nov 2026". */
export function formatDay(locale: Locale, value: Date | string): string {
  return format(locale, false).format(new Date(value));
}

/** "23 nov 2026, 14:05". */
export function formatMoment(locale: Locale, value: Date | string): string {
  return format(locale, true).format(new Date(value));
}
