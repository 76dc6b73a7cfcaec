import { describe, expect, it } from 'vitest';
import {
  addMonths,
  clampWindow,
  defaultWindow,
  monthSpan,
  monthWindowToDays,
  playStart,
  playStep,
  type MonthWindow,
} from '@/lib/map/month-window';

const demo: MonthWindow = { from: '2024-11', to: '2026-10' };

describe('month windows', () => {
  it('does month arithmetic across years', () => {
    expect(addMonths('2024-11', 2)).toBe('2025-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(monthSpan(demo)).toBe(24);
    expect(monthSpan({ from: '2025-03', to: '2025-03' })).toBe(1);
  });

  it('turns a month window into calendar days, leap years included', () => {
    expect(monthWindowToDays({ from: '2024-02', to: '2024-02' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthWindowToDays({ from: '2025-02', to: '2025-02' })).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(monthWindowToDays({ from: '2025-11', to: '2026-10' })).toEqual({ from: '2025-11-01', to: '2026-10-31' });
    expect(monthWindowToDays({ from: '2025-12', to: '2025-12' })).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('defaults to the last twelve months, and keeps windows inside the data', () => {
    expect(defaultWindow(demo)).toEqual({ from: '2025-11', to: '2026-10' });
    expect(defaultWindow({ from: '2026-06', to: '2026-10' })).toEqual({ from: '2026-06', to: '2026-10' });
    expect(clampWindow({ from: '2020-01', to: '2025-01' }, demo)).toEqual({ from: '2024-11', to: '2025-01' });
    expect(clampWindow({ from: '2030-01', to: '2030-05' }, demo)).toEqual(defaultWindow(demo));
  });

  it('plays two years month by month, then stops', () => {
    let window: MonthWindow | null = playStart(demo, demo);
    expect(window).toEqual({ from: '2024-11', to: '2024-11' });
    const seen: string[] = [];
    while (window) {
      seen.push(window.from);
      window = playStep(window, demo);
    }
    expect(seen).toHaveLength(24);
    expect(seen.at(-1)).toBe('2026-10');
  });

  it('plays a shorter window from where it is, or from the start once it reached the end', () => {
    expect(playStart({ from: '2025-01', to: '2025-03' }, demo)).toEqual({ from: '2025-01', to: '2025-03' });
    expect(playStart({ from: '2026-08', to: '2026-10' }, demo)).toEqual({ from: '2024-11', to: '2025-01' });
    expect(playStep({ from: '2025-01', to: '2025-03' }, demo)).toEqual({ from: '2025-02', to: '2025-04' });
  });
});
