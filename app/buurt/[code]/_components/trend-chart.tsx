'use client';

import { useRef } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '@/app/_components/i18n-provider';
import { downloadSvgAsPng } from '@/app/_components/png-export';
import { SIGNAL_CATEGORIES } from '@/lib/signals/categories';
import { SERIES_COLORS } from '@/app/vergelijk/_components/compare-charts';

export interface TrendSeries {
  id: string;
  label: string;
  values: Record<string, number | null>;
}

/** Signals per 1,000 by category, one bar per period; a hidden count has no bar. */
export function TrendChart({ series, code }: { series: readonly TrendSeries[]; code: string }) {
  const { t, lang, locale } = useI18n();
  const frame = useRef<HTMLDivElement>(null);
  const data = SIGNAL_CATEGORIES.map((category) => ({
    name: category[lang],
    ...Object.fromEntries(series.map((s) => [s.id, s.values[category.code] ?? null])),
  }));
  const format = (value: unknown) =>
    typeof value === 'number'
      ? new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)
      : t('compare.hidden');
  return (
    <figure style={{ margin: 0 }} data-testid="profile-trend-chart">
      <div ref={frame} style={{ width: '100%', height: 320 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 64, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" angle={-30} textAnchor="end" interval={0} height={70} tick={{ fontSize: 11 }} />
            <YAxis tick={{ fontSize: 11 }} />
            <Tooltip formatter={format} />
            <Legend verticalAlign="top" />
            {series.map((s, index) => (
              <Bar
                key={s.id}
                dataKey={s.id}
                name={s.label}
                fill={SERIES_COLORS[index % SERIES_COLORS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <button
        type="button"
        className="button no-print"
        onClick={() => downloadSvgAsPng(frame.current, `buurtradar-${code}-trend.png`)}
        data-testid="profile-chart-png"
      >
        {t('compare.png')}
      </button>
    </figure>
  );
}
