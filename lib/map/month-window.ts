/**
 * The map's time filter: whole calendar months ('YYYY-MM'), both ends included. The slider
 * and the play button step through months, and month windows are what the signal roll-ups
 * answer fastest (db/queries/signal-counts.ts).
 */

export type YearMonth = string;
export interface MonthWindow {
  from: YearMonth;
  to: YearMonth;
}

export const YEAR_MONTH = /^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])$/;
/** A new window's length: a year, the period the pilots report over. */
export const DEFAULT_WINDOW_MONTHS = 12;

export const isYearMonth = (text: string) => YEAR_MONTH.test(text);

/** Months since year 0: makes month arithmetic plain integer arithmetic. */
const ordinal = (month: YearMonth) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const fromOrdinal = (value: number): YearMonth =>
  `${String(Math.floor(value / 12)).padStart(4, '0')}-${String((value % 12) + 1).padStart(2, '0')}`;

export const addMonths = (month: YearMonth, count: number) => fromOrdinal(ordinal(month) + count);
/** Number of months from `from` to `to`, both included (1 for a single month). */
export const monthSpan = (window: MonthWindow) => ordinal(window.to) - ordinal(window.from) + 1;
export const monthIndex = (domain: MonthWindow, month: YearMonth) => ordinal(month) - ordinal(domain.from);
export const monthAt = (domain: MonthWindow, index: number) => addMonths(domain.from, index);

/** The window as days for the APIs: first day of `from` to last day of `to`. */
export function monthWindowToDays(window: MonthWindow): { from: string; to: string } {
  const next = addMonths(window.to, 1);
  const lastDay = new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)) - 1, 0)).getUTCDate();
  return { from: `${window.from}-01`, to: `${window.to}-${String(lastDay).padStart(2, '0')}` };
}

/** The latest `DEFAULT_WINDOW_MONTHS` months of the domain (all of it when it is shorter). */
export function defaultWindow(domain: MonthWindow): MonthWindow {
  const from = addMonths(domain.to, -(DEFAULT_WINDOW_MONTHS - 1));
  return { from: from < domain.from ? domain.from : from, to: domain.to };
}

/**
 * A window moved inside the domain: ends beyond it are pulled in, and a window entirely
 * outside it becomes the default. YYYY-MM strings compare like the months they name.
 */
export function clampWindow(window: MonthWindow, domain: MonthWindow): MonthWindow {
  if (window.to < domain.from || window.from > domain.to) return defaultWindow(domain);
  return {
    from: window.from < domain.from ? domain.from : window.from,
    to: window.to > domain.to ? domain.to : window.to,
  };
}

/**
 * Where "play" starts: from the window's own position, or, when the window already ends at the
 * last month, from the first month; a window spanning the whole domain plays month by month.
 */
export function playStart(window: MonthWindow, domain: MonthWindow): MonthWindow {
  const span = monthSpan(window) >= monthSpan(domain) ? 1 : monthSpan(window);
  if (window.to < domain.to && span === monthSpan(window)) return window;
  return { from: domain.from, to: addMonths(domain.from, span - 1) };
}

/** The next step of "play": the window one month later, or null once it has reached the end. */
export function playStep(window: MonthWindow, domain: MonthWindow): MonthWindow | null {
  if (window.to >= domain.to) return null;
  return { from: addMonths(window.from, 1), to: addMonths(window.to, 1) };
}
