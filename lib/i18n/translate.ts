import type { Locale } from './locale';
import { en } from './messages/en';
import { nlBE, type MessageKey, type Messages } from './messages/nl-BE';

const DICTIONARIES: Record<Locale, Messages> = { 'nl-BE': nlBE, en };

export function messagesFor(locale: Locale): Messages {
  return DICTIONARIES[locale];
}

/** The `{name}` parameters a Dutch message declares, as a union of names. */
export type ParamNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;
export type MessageParams<K extends MessageKey> = Record<ParamNames<(typeof nlBE)[K]>, string | number>;

/** `t('key')` for messages without parameters, `t('key', { name })` for those with. */
export type Translate = <K extends MessageKey>(
  key: K,
  ...params: [ParamNames<(typeof nlBE)[K]>] extends [never] ? [] : [MessageParams<K>]
) => string;

/**
 * A translator over one dictionary. A missing parameter is left visible as `{name}` rather
 * than throwing: a slightly wrong label is better than a broken page.
 */
export function createTranslator(messages: Messages): Translate {
  return ((key: MessageKey, params?: Record<string, string | number>) => {
    const template = messages[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  }) as Translate;
}
