'use client';

import { useI18n } from '@/app/_components/i18n-provider';
import type { PlanReport } from '@/app/api/imports/report';
import styles from '../admin.module.css';
import { ProblemTable } from './problem-table';

const DELIMITER_NAMES: Record<string, string> = { ';': ';', ',': ',', '\t': 'tab', '|': '|' };

/** What the dry run read (format, encoding, columns), its counts, its problems and a preview. */
export function ReportView({ report }: { report: PlanReport }) {
  const { t, locale } = useI18n();
  const { summary, detected } = report;
  const number = (value: number) => value.toLocaleString(locale);
  const crs =
    detected.crs === 'lambert72'
      ? t('admin.import.crs.lambert72')
      : detected.crs === 'wgs84'
        ? t('admin.import.crs.wgs84')
        : '—';
  const columns = Object.entries(detected.columns);
  const sampleKeys = [...new Set(report.sample.flatMap((row) => Object.keys(row)))].filter((key) => key !== 'row');
  return (
    <section
      className={styles.card}
      aria-labelledby="import-report-title"
      data-testid="import-report"
      data-ok={report.ok}
    >
      <h2 id="import-report-title" className={styles.cardTitle}>
        {t('admin.import.reportTitle', { file: report.fileName })}{' '}
        <span className={`${styles.badge} ${report.ok ? '' : styles.badgeDanger}`} data-testid="import-report-verdict">
          {report.ok ? t('admin.import.verdict.ok') : t('admin.import.verdict.problems')}
        </span>
      </h2>
      <dl className={styles.facts}>
        <div>
          <dt>{t('admin.import.fact.rowsRead')}</dt>
          <dd data-testid="fact-rows-read">{number(summary.rowsRead)}</dd>
        </div>
        <div>
          <dt>{t('admin.import.fact.rowsValid')}</dt>
          <dd data-testid="fact-rows-valid">{number(summary.rowsValid)}</dd>
        </div>
        <div>
          <dt>{t('admin.import.fact.rowsWithErrors')}</dt>
          <dd data-testid="fact-rows-errors">{number(summary.rowsWithErrors)}</dd>
        </div>
        <div>
          <dt>{t('admin.import.fact.problems')}</dt>
          <dd data-testid="fact-problems">{number(summary.errorCount)}</dd>
        </div>
        <div>
          <dt>{t('admin.import.fact.warnings')}</dt>
          <dd>{number(summary.warningCount)}</dd>
        </div>
        {summary.valuesRolledUp !== null && (
          <div>
            <dt>{t('admin.import.fact.rolledUp')}</dt>
            <dd data-testid="fact-rolled-up">{number(summary.valuesRolledUp)}</dd>
          </div>
        )}
        <div>
          <dt>{t('admin.import.fact.format')}</dt>
          <dd>{detected.format?.toUpperCase() ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('admin.import.fact.encoding')}</dt>
          <dd>{detected.encoding ?? '—'}</dd>
        </div>
        {detected.format === 'csv' && (
          <div>
            <dt>{t('admin.import.fact.delimiter')}</dt>
            <dd>{detected.delimiter ? DELIMITER_NAMES[detected.delimiter] : '—'}</dd>
          </div>
        )}
        {report.layer !== 'indicators' && (
          <div>
            <dt>{t('admin.import.fact.crs')}</dt>
            <dd data-testid="fact-crs">{crs}</dd>
          </div>
        )}
      </dl>
      {columns.length > 0 && (
        <p className={styles.hint}>
          {t('admin.import.columnsRead')} {columns.map(([field, column]) => `${field} ← ${column}`).join(' · ')}
          {detected.ignoredColumns.length > 0 &&
            ` · ${t('admin.import.columnsIgnored', { columns: detected.ignoredColumns.join(', ') })}`}
        </p>
      )}
      {report.errors.length > 0 && (
        <>
          <h3 className={styles.subTitle}>{t('admin.import.problemsTitle')}</h3>
          <ProblemTable problems={report.errors} total={summary.errorCount} rowUnit={detected.rowUnit} kind="errors" />
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <h3 className={styles.subTitle}>{t('admin.import.warningsTitle')}</h3>
          <ProblemTable
            problems={report.warnings}
            total={summary.warningCount}
            rowUnit={detected.rowUnit}
            kind="warnings"
          />
        </>
      )}
      {report.ok && report.sample.length > 0 && (
        <>
          <h3 className={styles.subTitle}>{t('admin.import.sampleTitle')}</h3>
          <div className={styles.tableWrap}>
            <table className={styles.table} data-testid="import-sample">
              <thead>
                <tr>
                  {sampleKeys.map((key) => (
                    <th key={key}>{key}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.sample.map((row, index) => (
                  <tr key={index}>
                    {sampleKeys.map((key) => (
                      <td key={key}>{formatCell((row as unknown as Record<string, unknown>)[key])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return String(Math.round(value * 1e6) / 1e6);
  return String(value);
}
