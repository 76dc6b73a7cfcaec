'use client';

import { useMemo, useState } from 'react';
import { useI18n } from '@/app/_components/i18n-provider';
import { detailParts } from '@/lib/imports/problem-detail';
import type { ImportProblem, ImportProblemCode } from '@/lib/imports/problems';
import type { MessageKey } from '@/lib/i18n/messages/nl-BE';
import styles from '../admin.module.css';

const PAGE_SIZE = 25;

/** A short label per problem code; the detail sentence beside it names the value and the fix. */
export const PROBLEM_KEYS = {
  file_empty: 'admin.problem.file_empty',
  file_too_large: 'admin.problem.file_too_large',
  too_many_rows: 'admin.problem.too_many_rows',
  no_rows: 'admin.problem.no_rows',
  not_text: 'admin.problem.not_text',
  encoding: 'admin.problem.encoding',
  unsupported_format: 'admin.problem.unsupported_format',
  malformed_csv: 'admin.problem.malformed_csv',
  malformed_geojson: 'admin.problem.malformed_geojson',
  delimiter: 'admin.problem.delimiter',
  missing_column: 'admin.problem.missing_column',
  duplicate_column: 'admin.problem.duplicate_column',
  column_count: 'admin.problem.column_count',
  required: 'admin.problem.required',
  not_a_number: 'admin.problem.not_a_number',
  not_an_integer: 'admin.problem.not_an_integer',
  out_of_range: 'admin.problem.out_of_range',
  unknown_value: 'admin.problem.unknown_value',
  too_long: 'admin.problem.too_long',
  invalid_format: 'admin.problem.invalid_format',
  duplicate: 'admin.problem.duplicate',
  crs: 'admin.problem.crs',
  swapped_coordinates: 'admin.problem.swapped_coordinates',
  outside_flanders: 'admin.problem.outside_flanders',
  outside_neighbourhoods: 'admin.problem.outside_neighbourhoods',
  mixed_crs: 'admin.problem.mixed_crs',
  geometry: 'admin.problem.geometry',
  unknown_sector: 'admin.problem.unknown_sector',
  sector_not_localised: 'admin.problem.sector_not_localised',
  incomplete_neighbourhood: 'admin.problem.incomplete_neighbourhood',
  options: 'admin.problem.options',
} as const satisfies Record<ImportProblemCode, MessageKey>;

/**
 * The dry run's problems (or warnings) as a table of row, field and problem, paged, with a
 * count per kind above it. The server lists the first 1000; `total` says how many there are.
 */
export function ProblemTable({
  problems,
  total,
  rowUnit,
  kind,
}: {
  problems: ImportProblem[];
  total: number;
  rowUnit: 'line' | 'feature';
  kind: 'errors' | 'warnings';
}) {
  const { t, locale } = useI18n();
  const [page, setPage] = useState(0);
  const counts = useMemo(() => {
    const byCode = new Map<ImportProblemCode, number>();
    for (const problem of problems) byCode.set(problem.code, (byCode.get(problem.code) ?? 0) + 1);
    return [...byCode.entries()].sort((a, b) => b[1] - a[1]);
  }, [problems]);
  const pages = Math.max(1, Math.ceil(problems.length / PAGE_SIZE));
  const shown = problems.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const label = (code: ImportProblemCode) => (Object.hasOwn(PROBLEM_KEYS, code) ? t(PROBLEM_KEYS[code]) : code);
  return (
    <div data-testid={`import-${kind}`}>
      <ul className={styles.countList} aria-label={t('admin.import.problemCounts')}>
        {counts.map(([code, count]) => (
          <li
            key={code}
            className={`${styles.badge} ${kind === 'errors' ? styles.badgeDanger : styles.badgeMuted}`}
            data-testid={`problem-count-${code}`}
          >
            {label(code)}: {count.toLocaleString(locale)}
          </li>
        ))}
      </ul>
      {total > problems.length && (
        <p className={styles.hint}>
          {t('admin.import.problemsTruncated', {
            shown: problems.length.toLocaleString(locale),
            total: total.toLocaleString(locale),
          })}
        </p>
      )}
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.num}>
                {t(rowUnit === 'line' ? 'admin.import.col.line' : 'admin.import.col.feature')}
              </th>
              <th>{t('admin.import.col.field')}</th>
              <th>{t('admin.import.col.kind')}</th>
              <th>{t('admin.import.col.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((problem, index) => (
              <tr key={`${page}-${index}`} data-testid="problem-row">
                <td className={styles.num}>{problem.row ?? t('admin.import.wholeFile')}</td>
                <td>{problem.field ?? '—'}</td>
                <td>{label(problem.code)}</td>
                <td>
                  <ProblemDetail problem={problem} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <div className={styles.pager}>
          <button type="button" className="button button-small" disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('admin.previous')}
          </button>
          <span className={styles.hint}>{t('admin.pageOf', { page: page + 1, pages })}</span>
          <button
            type="button"
            className="button button-small"
            disabled={page + 1 >= pages}
            onClick={() => setPage(page + 1)}
            data-testid="problems-next"
          >
            {t('admin.next')}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * The detail sentence in the page's language. Only a library's own message inside it (JSON.parse,
 * zod, csv-parse: we cannot translate arbitrary library text) stays English, and only that part
 * is marked lang="en", so a screen reader reads the rest as Dutch. A detail this page does not
 * know (a report from another version of the app) falls back to the English sentence.
 */
function ProblemDetail({ problem }: { problem: ImportProblem }) {
  const { locale } = useI18n();
  const parts = problem.detail ? detailParts(locale, problem.detail) : null;
  if (!parts) return <span lang="en">{problem.problem}</span>;
  return parts.map((part, index) =>
    part.english ? (
      <span key={index} lang="en">
        {part.text}
      </span>
    ) : (
      part.text
    ),
  );
}
