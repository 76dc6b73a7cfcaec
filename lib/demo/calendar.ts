/**
 * The demo's fixed two years: 1 November 2024 up to and including 31 October 2026. Fixed
 * dates (not "now") keep the dataset identical on every run. Days are local Belgian dates,
 * numbered from 0; instants are produced in UTC with the Brussels offset of that day.
 */
export const DEMO_FIRST_DAY = '2024-11-01';
export const DEMO_LAST_DAY = '2026-10-31';
export const DEMO_DAYS = 730;

const FIRST = Date.UTC(2024, 10, 1);
const DAY_MS = 86_400_000;

export function isoDate(day: number): string {
  return new Date(FIRST + day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekday(day: number): number {
  const utcDay = new Date(FIRST + day * DAY_MS).getUTCDay();
  return utcDay === 0 ? 7 : utcDay;
}

/** 1 in mid-January, −1 in mid-July: the shape of winter-heavy problems such as loneliness. */
export function winterness(day: number): number {
  const date = new Date(FIRST + day * DAY_MS);
  const dayOfYear = (date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS;
  return Math.cos((2 * Math.PI * (dayOfYear - 15)) / 365.25);
}

/** The UTC instant of a local (Europe/Brussels) time on a demo day, as ISO 8601. */
export function brusselsInstant(day: number, minuteOfDay: number): string {
  const midnightUtc = FIRST + day * DAY_MS;
  const offsetHours = isSummerTime(midnightUtc) ? 2 : 1;
  return new Date(midnightUtc + (minuteOfDay - offsetHours * 60) * 60_000).toISOString();
}

/** Summer time runs from the last Sunday of March to the last Sunday of October (daytime hours). */
function isSummerTime(midnightUtc: number): boolean {
  const year = new Date(midnightUtc).getUTCFullYear();
  return midnightUtc >= lastSunday(year, 2) && midnightUtc < lastSunday(year, 9);
}

function lastSunday(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return lastDay.getTime() - lastDay.getUTCDay() * DAY_MS;
}

/** Whole days from a day to the end of the demo period. */
export const daysBeforeEnd = (day: number) => DEMO_DAYS - 1 - day;
