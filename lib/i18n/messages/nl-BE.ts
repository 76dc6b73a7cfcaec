import { adminNlBE } from './admin.nl-BE';
import { analysisNlBE } from './analysis.nl-BE';
import { generalNlBE } from './general.nl-BE';
import { importDetailsNlBE } from './import-details.nl-BE';
import { mapNlBE } from './map.nl-BE';
import { signalsNlBE } from './signals.nl-BE';

/**
 * Dutch (Belgium): the source language, one file per part of the product. Every other
 * dictionary must have exactly these keys (enforced by the `Messages` type). `{name}` marks a
 * parameter filled in by `t()`. Names of indicators, signal categories and service types live
 * in their catalogues in lib/.
 */
export const nlBE = {
  ...generalNlBE,
  ...mapNlBE,
  ...signalsNlBE,
  ...adminNlBE,
  ...importDetailsNlBE,
  ...analysisNlBE,
} as const;

export type MessageKey = keyof typeof nlBE;
/** What every dictionary must provide: the same keys as the Dutch one, as plain strings. */
export type Messages = Record<MessageKey, string>;
