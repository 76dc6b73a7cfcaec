/**
 * Today's date in Europe/Brussels as 'YYYY-MM-DD': the day a reporter in Flanders means by
 * "today", whatever the server's time zone (a report at 00:30 in summer is already tomorrow
 * in UTC terms for nobody, but yesterday for a UTC server).
 */
const BRUSSELS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function brusselsToday(now: Date = new Date()): string {
  return BRUSSELS_DAY.format(now);
}
