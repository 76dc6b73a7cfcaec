import { z } from 'zod';

/** Regional platform ("streekwerking") code, e.g. sw11 for Kempen. */
export const regionCode = z.string().regex(/^sw[0-9]{2}$/, 'must be a region code such as sw11');
/** Five-digit NIS code of a municipality (2024 division), e.g. 13003 for Balen. */
export const municipalityNis = z.string().regex(/^[0-9]{5}$/, 'must be a five-digit NIS code such as 13003');
/** Neighbourhood code: the municipality's NIS code followed by up to six letters, digits or _. */
export const neighbourhoodCode = z
  .string()
  .regex(/^[0-9]{5}[0-9A-Za-z_]{0,6}$/, 'must be a neighbourhood code such as 1300301');
/** Statbel statistical sector code, e.g. 13003A00-. */
export const sectorCode = z
  .string()
  .regex(/^[0-9]{5}[A-Z0-9-]{4}$/, 'must be a statistical sector code such as 13003A00-');

export const KEMPEN_REGION_CODE = 'sw11';

/** The pilot municipalities of the projects Buurtradar serves, by NIS code. */
export const PILOT_MUNICIPALITIES = {
  '13003': 'Balen',
  '13035': 'Ravels',
  '12014': 'Heist-op-den-Berg',
  '36012': 'Moorslede',
  '34009': 'Deerlijk',
  '72037': 'Hamont-Achel',
  '72043': 'Pelt',
} as const;

export type PilotNis = keyof typeof PILOT_MUNICIPALITIES;
