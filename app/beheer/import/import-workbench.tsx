'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useI18n } from '@/app/_components/i18n-provider';
import type { ImportRunJson, PlanReport } from '@/app/api/imports/report';
import type { ImportLayer } from '@/lib/imports/layers';
import styles from '../admin.module.css';
import { CommitProgress, type Progress } from './commit-progress';
import { type FieldError, ImportFields } from './import-fields';
import { readJsonLines } from './read-lines';
import { ReportView } from './report-view';

type Stage =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'checked'; report: PlanReport }
  | { kind: 'committing'; report: PlanReport; progress: Progress | null }
  | { kind: 'done'; report: PlanReport; run: ImportRunJson; progress: Progress | null };

/** Problems with the file as a whole that the "more options" (delimiter, encoding) can fix. */
const OPTION_PROBLEMS = new Set(['encoding', 'delimiter', 'not_text']);

/**
 * Choose a layer and a file → dry run (POST /api/imports/dry-run) → its report → import
 * (POST /api/imports, the same form again: the server keeps no upload) with the progress
 * streamed by the server → the result. Changing the form after a dry run asks for a new one,
 * so what is imported is always what was checked.
 */
export function ImportWorkbench() {
  const { t } = useI18n();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [layer, setLayer] = useState<ImportLayer>('services');
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, FieldError>>({});
  const [error, setError] = useState<string | null>(null);
  const busy = stage.kind === 'checking' || stage.kind === 'committing';
  const report = stage.kind === 'idle' || stage.kind === 'checking' ? null : stage.report;

  const reset = () => {
    if (busy) return;
    setStage({ kind: 'idle' });
    setFieldErrors({});
    setError(null);
  };

  async function dryRun() {
    if (!form.current) return;
    setStage({ kind: 'checking' });
    setFieldErrors({});
    setError(null);
    const response = await send('/api/imports/dry-run', new FormData(form.current));
    const body = (await response?.json().catch(() => null)) as {
      report?: PlanReport;
      error?: string;
      errors?: Record<string, FieldError>;
    } | null;
    if (body?.report) {
      setStage({ kind: 'checked', report: body.report });
      return;
    }
    setStage({ kind: 'idle' });
    if (body?.errors) setFieldErrors(body.errors);
    else setError(body?.error ?? t('admin.import.error.unavailable'));
  }

  async function commit() {
    if (!form.current || stage.kind !== 'checked') return;
    const checked = stage.report;
    setStage({ kind: 'committing', report: checked, progress: null });
    setError(null);
    const response = await send('/api/imports', new FormData(form.current));
    if (response && (response.headers.get('content-type') ?? '').includes('application/x-ndjson')) {
      let progress: Progress | null = null;
      const last = await readJsonLines(response, (line) => {
        if (line.type !== 'progress') return;
        progress = { phase: line.phase as Progress['phase'], done: Number(line.done), total: Number(line.total) };
        setStage({ kind: 'committing', report: checked, progress });
      }).catch(() => null);
      if (last?.type === 'result' && last.ok === true) {
        setStage({ kind: 'done', report: checked, run: last.run as ImportRunJson, progress });
        router.refresh();
        return;
      }
      setStage(
        last?.report ? { kind: 'checked', report: last.report as PlanReport } : { kind: 'checked', report: checked },
      );
      setError(typeof last?.error === 'string' ? last.error : t('admin.import.error.unavailable'));
      router.refresh();
      return;
    }
    const body = (await response?.json().catch(() => null)) as { report?: PlanReport; error?: string } | null;
    setStage({ kind: 'checked', report: body?.report ?? checked });
    setError(body?.error ?? t('admin.import.error.unavailable'));
  }

  const advancedOpen =
    report?.errors.some((problem) => problem.row === null && OPTION_PROBLEMS.has(problem.code)) ?? false;
  return (
    <>
      <section className={styles.card} aria-labelledby="import-form-title">
        <h2 id="import-form-title" className={styles.cardTitle}>
          {t('admin.import.formTitle')}
        </h2>
        <form
          ref={form}
          onChange={reset}
          onSubmit={(event) => {
            event.preventDefault();
            void dryRun();
          }}
          data-testid="import-form"
          noValidate
        >
          <ImportFields
            layer={layer}
            onLayer={(next) => {
              setLayer(next);
              reset();
            }}
            disabled={busy}
            errors={fieldErrors}
            advancedOpen={advancedOpen}
          />
          <div className={styles.actions}>
            <button type="submit" className="button" disabled={busy} data-testid="import-dry-run">
              {stage.kind === 'checking' ? t('admin.import.checking') : t('admin.import.dryRun')}
            </button>
            {(stage.kind === 'checked' || stage.kind === 'committing') && stage.report.ok && (
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={() => void commit()}
                data-testid="import-commit"
              >
                {stage.kind === 'committing'
                  ? t('admin.import.committing')
                  : t('admin.import.commit', {
                      rows: (stage.report.summary.valuesRolledUp ?? stage.report.summary.rowsValid).toLocaleString(),
                    })}
              </button>
            )}
          </div>
          {error && (
            <p className={styles.alert} role="alert" data-testid="import-error">
              {error}
            </p>
          )}
        </form>
        {(stage.kind === 'committing' || stage.kind === 'done') && (
          <CommitProgress progress={stage.progress} done={stage.kind === 'done'} />
        )}
        {stage.kind === 'done' && (
          <p className={styles.success} role="status" data-testid="import-done">
            {t('admin.import.done', { id: stage.run.id, rows: stage.run.rowCount.toLocaleString() })}{' '}
            <Link href="/kaart/sw11">{t('admin.import.toMap')}</Link>
          </p>
        )}
      </section>
      {report && <ReportView report={report} />}
    </>
  );
}

/** A POST that answers null instead of throwing when the network fails. */
async function send(url: string, body: FormData): Promise<Response | null> {
  try {
    return await fetch(url, { method: 'POST', body, credentials: 'same-origin' });
  } catch {
    return null;
  }
}
