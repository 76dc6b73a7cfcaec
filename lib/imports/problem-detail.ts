import { numberFormat } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/locale';
import type { MessageKey, nlBE } from '@/lib/i18n/messages/nl-BE';
import { type ParamNames, messagesFor } from '@/lib/i18n/translate';

/**
 * The sentence that explains an import problem, as data: a key naming one template in the
 * dictionaries (`admin.problemDetail.<key>`, lib/i18n/messages/import-details.*.ts) and the
 * values for its `{name}` placeholders. The page shows it in the reader's language; the
 * English `problem` string of the API is the same template in English with the same values,
 * so the two cannot say different things. The params a key needs are read from its Dutch
 * template, so a call site that forgets one, or passes one the template lacks, does not compile.
 */
const PREFIX = 'admin.problemDetail.';
type KeyOf<T> = T extends `admin.problemDetail.${infer Key}` ? Key : never;
export type ImportDetailKey = KeyOf<MessageKey>;

/**
 * A number is written in the reader's language (4,35 / 4.35), without thousands separators,
 * as the file and line numbers give it, unless NUMBER_STYLES says otherwise; a string is shown
 * as it is (a value from the file, a code); a list is joined with "en" / "and".
 */
export type ImportDetailValue = string | number | readonly string[];

type NamesOf<K extends ImportDetailKey> = ParamNames<(typeof nlBE)[`admin.problemDetail.${K}`]>;
export type ImportDetailParams<K extends ImportDetailKey> = [NamesOf<K>] extends [never]
  ? Record<string, never>
  : Record<NamesOf<K>, ImportDetailValue>;

export type ImportDetail = { [K in ImportDetailKey]: { key: K; params: ImportDetailParams<K> } }[ImportDetailKey];

/** `detail('file_empty')`, `detail('too_long', { length, max })`: the params its template needs. */
export function detail<K extends ImportDetailKey>(
  key: K,
  ...params: [NamesOf<K>] extends [never] ? [] : [ImportDetailParams<K>]
): ImportDetail {
  return { key, params: params[0] ?? {} } as ImportDetail;
}

/**
 * Limits the English sentences have always written like counts (500,000 / 500.000, 20.0 MB),
 * with these decimals; the `problem` strings of the API must stay as they were.
 */
const NUMBER_STYLES: { [K in ImportDetailKey]?: Partial<Record<NamesOf<K>, Intl.NumberFormatOptions>> } = {
  too_many_rows: { max: { maximumFractionDigits: 0 } },
  too_many_features: { max: { maximumFractionDigits: 0 } },
  csv_row_too_long: { max: { maximumFractionDigits: 0 } },
  file_too_large: {
    size: { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false },
    max: { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false },
  },
};

/** A piece of a detail sentence. `english` marks a library's own message (the param `message`). */
export interface DetailPart {
  text: string;
  english?: true;
}

/**
 * The sentence in a locale, in parts, so a page can mark the library's English message inside a
 * Dutch sentence. Null for a key this build does not know (a report from another version).
 */
export function detailParts(locale: Locale, value: ImportDetail): DetailPart[] | null {
  const pieces = templatePieces(locale, value.key);
  if (pieces === null) return null;
  return pieces.flatMap((piece, index): DetailPart[] => {
    if (index % 2 === 0) return piece === '' ? [] : [{ text: piece }];
    const text = placeholderText(locale, value, piece);
    return [piece === 'message' ? { text, english: true } : { text }];
  });
}

/** The sentence in a locale as one string; in English it is the problem's `problem`. */
export function formatDetail(locale: Locale, value: ImportDetail): string {
  const pieces = templatePieces(locale, value.key);
  if (pieces === null) return value.key;
  // A loop rather than detailParts(): every problem of a file gets its English sentence.
  let text = '';
  for (let index = 0; index < pieces.length; index++)
    text += index % 2 === 0 ? pieces[index] : placeholderText(locale, value, pieces[index]!);
  return text;
}

/** A placeholder filled in; like t(), a missing value stays visible as {name} instead of breaking the sentence. */
function placeholderText(locale: Locale, { key, params }: ImportDetail, name: string): string {
  const values = params as Record<string, ImportDetailValue>;
  if (!Object.hasOwn(values, name)) return `{${name}}`;
  const styles = (NUMBER_STYLES as Record<string, Record<string, Intl.NumberFormatOptions> | undefined>)[key];
  return formatValue(locale, values[name]!, styles?.[name]);
}

const split = new Map<string, string[] | null>();
/**
 * The template cut at its placeholders: text, name, text, … (split() with a capture group), once
 * per locale and key, since a bad file of 500,000 rows makes a sentence for every one of them.
 */
function templatePieces(locale: Locale, key: string): string[] | null {
  const id = `${locale}|${key}`;
  let pieces = split.get(id);
  if (pieces === undefined) {
    const messages = messagesFor(locale) as Record<string, string>;
    pieces = Object.hasOwn(messages, PREFIX + key) ? messages[PREFIX + key]!.split(/\{(\w+)\}/) : null;
    split.set(id, pieces);
  }
  return pieces;
}

function formatValue(locale: Locale, value: ImportDetailValue, style: Intl.NumberFormatOptions | undefined): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return style ? numberFormat(locale, style).format(value) : plainNumber(locale, value);
  return value.join(` ${messagesFor(locale)['admin.import.and']} `);
}

/** String(value), which is what the English sentences always printed, with the locale's decimal mark. */
function plainNumber(locale: Locale, value: number): string {
  const text = String(value);
  const mark = decimalMark(locale);
  return mark === '.' ? text : text.replace('.', mark);
}

const decimalMarks = new Map<Locale, string>();
function decimalMark(locale: Locale): string {
  let mark = decimalMarks.get(locale);
  if (mark === undefined) {
    mark =
      numberFormat(locale, {})
        .formatToParts(1.5)
        .find((part) => part.type === 'decimal')?.value ?? '.';
    decimalMarks.set(locale, mark);
  }
  return mark;
}
