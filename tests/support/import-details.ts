import { expect } from 'vitest';
import { en } from '@/lib/i18n/messages/en';
import { nlBE } from '@/lib/i18n/messages/nl-BE';
import { formatDetail } from '@/lib/imports/problem-detail';
import type { ImportProblem } from '@/lib/imports/problems';

/** The `{name}` placeholders of a template, each once, sorted. */
export const placeholders = (template: string) =>
  [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();

/**
 * What must hold for every problem: its detail names a sentence both dictionaries have, its
 * params are exactly the placeholders of the Dutch and the English template (none missing, none
 * left over), and the English template filled in with them is the problem's `problem`.
 */
export function checkDetail(problem: ImportProblem) {
  const what = `${problem.code}: ${problem.problem}`;
  const key = `admin.problemDetail.${problem.detail?.key}`;
  expect(Object.hasOwn(nlBE, key), `${what} (no Dutch template ${key})`).toBe(true);
  expect(Object.hasOwn(en, key), `${what} (no English template ${key})`).toBe(true);
  const params = problem.detail.params as Record<string, unknown>;
  const given = Object.keys(params).sort();
  expect(given, `${what} (params for the Dutch template)`).toEqual(placeholders(nlBE[key as keyof typeof nlBE]));
  expect(given, `${what} (params for the English template)`).toEqual(placeholders(en[key as keyof typeof en]));
  for (const [name, value] of Object.entries(params)) {
    const valid =
      typeof value === 'string' ||
      (typeof value === 'number' && !Number.isNaN(value)) ||
      (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    expect(valid, `${what} (param ${name} = ${JSON.stringify(value)})`).toBe(true);
  }
  expect(formatDetail('en', problem.detail), what).toBe(problem.problem);
}
