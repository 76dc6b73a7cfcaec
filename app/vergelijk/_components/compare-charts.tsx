'use client';

import { useRef } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useI18n } from '@/app/_components/i18n-provider';
import type { CategoryRate, ComparedMunicipality, MonthPoint } from '@/lib/analysis/compare';
import { SIGNAL_CATEGORIES } from '@/lib/signals/categories';
import { downloadSvgAsPng } from '@/app/_components/png-export';
import styles from './compare.module.css';

/** Okabe–Ito: eight colours that stay distinct for colour-blind readers. */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];

export function CategoryRatesChart({
  municipalities,
  rates,
}: {
  municipalities: readonly ComparedMunicipality[];
  rates: readonly CategoryRate[];
}) {
  const { t, lang, locale } = useI18n();
  const frame = useRef<HTMLDivElement>(null);
  const data = rates.map((rate) => ({
    name: SIGNAL_CATEGORIES.find((c) => c.code === rate.category)?.[lang] ?? rate.category,
    ...Object.fromEntries(municipalities.map((m) => [m.nis, rate.values[m.nis]?.per1000 ?? null])),
  }));
  const format = (value: unknown) =>
    typeof value === 'number'
      ? new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)
      : t('compare.hidden');
  return (
    <figure className={styles.chart} data-testid="chart-categories">
      <figcaption>{t('compare.chartCategories')}</figcaption>
      <div ref={frame} style={{ width: '100%', height: 340 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 64, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" angle={-30} textAnchor="end" interval={0} height={70} tick={{ fontSize: 11 }} />
            <YAxis tick={{ fontSize: 11 }} />
            <Tooltip formatter={format} />
            <Legend verticalAlign="top" />
            {municipalities.map((m, index) => (
              <Bar
                key={m.nis}
                dataKey={m.nis}
                name={m.name}
                fill={SERIES_COLORS[index % SERIES_COLORS.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <button
        type="button"
        className="button"
        onClick={() => downloadSvgAsPng(frame.current, 'buurtradar-categorieen.png')}
        data-testid="png-categories"
      >
        {t('compare.png')}
      </button>
    </figure>
  );
}

export function MonthlyTrendChart({
  municipalities,
  months,
}: {
  municipalities: readonly ComparedMunicipality[];
  months: readonly MonthPoint[];
}) {
  const { t, locale } = useI18n();
  const frame = useRef<HTMLDivElement>(null);
  const data = months.map((point) => ({ month: point.month, ...point.values }));
  const format = (value: unknown) =>
    typeof value === 'number'
      ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)
      : t('compare.hidden');
  return (
    <figure className={styles.chart} data-testid="chart-months">
      <figcaption>{t('compare.chartMonths')}</figcaption>
      <div ref={frame} style={{ width: '100%', height: 300 }}>
        <ResponsiveContainer>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" tick={{ fontSize: 11 }} />
            <YAxis tick={{ fontSize: 11 }} />
            <Tooltip formatter={format} />
            <Legend verticalAlign="top" />
            {municipalities.map((m, index) => (
              <Line
                key={m.nis}
                dataKey={m.nis}
                name={m.name}
                stroke={SERIES_COLORS[index % SERIES_COLORS.length]}
                strokeWidth={2}
                dot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <button
        type="button"
        className="button"
        onClick={() => downloadSvgAsPng(frame.current, 'buurtradar-maanden.png')}
        data-testid="png-months"
      >
        {t('compare.png')}
      </button>
    </figure>
  );
}
