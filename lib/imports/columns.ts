import type { ColumnSpec } from './layers';
import { type ImportDetail, detail } from './problem-detail';
import type { ImportProblemCode } from './problems';
import { normaliseName } from './values';

/**
 * Finds which column of a file holds which field: first the user's explicit choices, then the
 * known aliases. Two columns that both look like the same field (say "lon" and "x") are an
 * error instead of a silent pick, and unused columns are listed so a user sees what was ignored.
 */
export interface ColumnMatch {
  /** Field key → index of the file's column. */
  indexOf: Map<string, number>;
  /** Field key → the column's name in the file, for messages. */
  nameOf: Map<string, string>;
  ignored: string[];
  problems: { code: ImportProblemCode; detail: ImportDetail }[];
}

export function matchColumns(
  header: readonly string[],
  specs: readonly ColumnSpec[],
  chosen: Readonly<Record<string, string>> = {},
): ColumnMatch {
  const normalised = header.map(normaliseName);
  const indexOf = new Map<string, number>();
  const problems: ColumnMatch['problems'] = [];
  const claimed = new Set<number>();

  for (const [key, column] of Object.entries(chosen)) {
    if (!specs.some((spec) => spec.key === key)) {
      problems.push({
        code: 'options',
        detail: detail('unknown_field', { field: key, fields: specs.map((spec) => spec.key).join(', ') }),
      });
      continue;
    }
    const index = normalised.indexOf(normaliseName(column));
    if (index === -1)
      problems.push({ code: 'missing_column', detail: detail('chosen_column_missing', { column, field: key }) });
    else if (claimed.has(index))
      problems.push({ code: 'options', detail: detail('column_chosen_twice', { column: header[index]! }) });
    else {
      indexOf.set(key, index);
      claimed.add(index);
    }
  }

  for (const spec of specs) {
    if (indexOf.has(spec.key)) continue;
    const matches = normalised.flatMap((name, index) =>
      !claimed.has(index) && spec.aliases.includes(name) ? [index] : [],
    );
    if (matches.length > 1) {
      problems.push({
        code: 'duplicate_column',
        detail: detail('ambiguous_columns', { columns: matches.map((index) => `"${header[index]}"`), field: spec.key }),
      });
    } else if (matches.length === 1) {
      indexOf.set(spec.key, matches[0]!);
      claimed.add(matches[0]!);
    } else if (spec.required) {
      problems.push({
        code: 'missing_column',
        detail: detail('no_column_for', { field: spec.key, aliases: spec.aliases.slice(0, 6).join(', ') }),
      });
    }
  }

  const nameOf = new Map([...indexOf].map(([key, index]) => [key, header[index] || key]));
  const ignored = header.filter((name, index) => !claimed.has(index) && name.length > 0);
  return { indexOf, nameOf, ignored, problems };
}
