import { describe, expect, it } from 'vitest';
import { formatSchedule, scheduleSchema } from '@/lib/services/schedule';

describe('mobile stop schedules', () => {
  it('reads as weekday names in the page language, in week order', () => {
    const slots = [
      { weekday: 4, start: '14:00', end: '16:00' },
      { weekday: 2, start: '09:00', end: '11:30' },
    ];
    expect(formatSchedule(slots, 'nl-BE')).toEqual(['dinsdag 09:00–11:30', 'donderdag 14:00–16:00']);
    expect(formatSchedule(slots, 'en')).toEqual(['Tuesday 09:00–11:30', 'Thursday 14:00–16:00']);
    expect(formatSchedule([{ weekday: 7, start: '10:00', end: '11:00' }], 'nl-BE')).toEqual(['zondag 10:00–11:00']);
  });

  it('rejects impossible weekdays and times', () => {
    expect(scheduleSchema.safeParse([{ weekday: 8, start: '09:00', end: '10:00' }]).success).toBe(false);
    expect(scheduleSchema.safeParse([{ weekday: 1, start: '9:00', end: '10:00' }]).success).toBe(false);
    expect(scheduleSchema.safeParse([{ weekday: 1, start: '11:00', end: '10:00' }]).success).toBe(false);
    expect(scheduleSchema.safeParse([{ weekday: 1, start: '09:00', end: '24:00' }]).success).toBe(false);
  });
});
