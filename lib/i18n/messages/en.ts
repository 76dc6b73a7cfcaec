import { adminEn } from './admin.en';
import { analysisEn } from './analysis.en';
import { generalEn } from './general.en';
import { importDetailsEn } from './import-details.en';
import { mapEn } from './map.en';
import type { Messages } from './nl-BE';
import { signalsEn } from './signals.en';

/** English, one file per part of the product. `satisfies Messages` makes a missing or an extra key a type error. */
export const en = {
  ...generalEn,
  ...mapEn,
  ...signalsEn,
  ...adminEn,
  ...importDetailsEn,
  ...analysisEn,
} as const satisfies Messages;
