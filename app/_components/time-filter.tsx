'use client';

import { useId } from 'react';
import { monthAt, monthIndex, monthSpan, type MonthWindow, type YearMonth } from '@/lib/map/month-window';
import { useI18n } from './i18n-provider';

interface TimeFilterProps {
  /** First and last month with data; null when there is none. */
  domain: MonthWindow | null;
  window: MonthWindow | null;
  onChange: (window: MonthWindow) => void;
  playing: boolean;
  onPlayingChange: (playing: boolean) => void;
}

/**
 * The time window: two month sliders (from, to) on one track, and play/pause, which moves the
 * window a month at a time. Keyboard: the sliders take arrows, Home/End; the button Space/Enter.
 */
export function TimeFilter({ domain, window, onChange, playing, onPlayingChange }: TimeFilterProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const monthName = (month: YearMonth) =>
    new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  if (!domain || !window)
    return (
      <p className="field-hint" data-testid="time-filter-empty">
        {t('filters.noPeriod')}
      </p>
    );

  const last = monthSpan(domain) - 1;
  const fromIndex = monthIndex(domain, window.from);
  const toIndex = monthIndex(domain, window.to);
  const setFrom = (index: number) =>
    onChange({ from: monthAt(domain, index), to: monthAt(domain, Math.max(index, toIndex)) });
  const setTo = (index: number) =>
    onChange({ from: monthAt(domain, Math.min(index, fromIndex)), to: monthAt(domain, index) });
  const label =
    window.from === window.to ? monthName(window.from) : `${monthName(window.from)} – ${monthName(window.to)}`;

  return (
    <div className="time-filter">
      <div className="time-filter-head">
        <p className="time-filter-window" id={`${id}-window`} data-testid="time-window" aria-live="polite">
          {label}
        </p>
        <button
          type="button"
          className="button button-small play-button"
          data-testid="time-play"
          aria-pressed={playing}
          onClick={() => onPlayingChange(!playing)}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            {playing ? (
              <path d="M4 3h3v10H4zM9 3h3v10H9z" fill="currentColor" />
            ) : (
              <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
            )}
          </svg>
          {playing ? t('filters.pause') : t('filters.play')}
        </button>
      </div>
      <div className="range-pair">
        <label className="range-label" htmlFor={`${id}-from`}>
          {t('filters.from')}
        </label>
        <input
          id={`${id}-from`}
          type="range"
          className="range-input"
          data-testid="time-from"
          min={0}
          max={last}
          step={1}
          value={fromIndex}
          aria-valuetext={monthName(window.from)}
          aria-describedby={`${id}-window`}
          onChange={(event) => setFrom(Number(event.target.value))}
        />
        <label className="range-label" htmlFor={`${id}-to`}>
          {t('filters.to')}
        </label>
        <input
          id={`${id}-to`}
          type="range"
          className="range-input"
          data-testid="time-to"
          min={0}
          max={last}
          step={1}
          value={toIndex}
          aria-valuetext={monthName(window.to)}
          aria-describedby={`${id}-window`}
          onChange={(event) => setTo(Number(event.target.value))}
        />
      </div>
      <p className="range-ends muted">
        <span>{monthName(domain.from)}</span>
        <span>{monthName(domain.to)}</span>
      </p>
    </div>
  );
}
