import { z } from 'zod';

const time = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time HH:MM');

/** One weekly stop of a mobile service: ISO weekday (1 = Monday) and local times. */
export const scheduleSlotSchema = z
  .object({ weekday: z.number().int().min(1).max(7), start: time, end: time })
  .refine((slot) => slot.start < slot.end, { message: 'must end after it starts' });

export const scheduleSchema = z.array(scheduleSlotSchema).max(28);
export type ScheduleSlot = z.infer<typeof scheduleSlotSchema>;

/** 1 January 2024 was a Monday: day `weekday - 1` after it has that ISO weekday. */
const MONDAY = Date.UTC(2024, 0, 1);

/**
 * A schedule as lines for people, in the locale's weekday names and week order:
 * "dinsdag 09:00–11:30". Slots are sorted by weekday and start time.
 */
export function formatSchedule(slots: readonly ScheduleSlot[], locale: string): string[] {
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return [...slots]
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
    .map((slot) => `${weekday.format(new Date(MONDAY + (slot.weekday - 1) * 86_400_000))} ${slot.start}–${slot.end}`);
}
