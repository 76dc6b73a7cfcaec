import { PARTNER_TYPES } from '@/lib/signals/categories';

/**
 * The roles of issue "people, organisations, roles":
 * - reporter: a care partner's worker who reports signals (GP practice, home nursing, …);
 * - coordinator: the municipality's coordinator who follows signals up;
 * - advisor: a municipal policy advisor who reads;
 * - regional_analyst: a regional platform's analyst, who sees aggregates of one region only;
 * - admin: manages accounts and imports.
 */
export const ROLES = ['reporter', 'coordinator', 'advisor', 'regional_analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Kinds of organisation an account belongs to: the signal-reporting partner types, plus the
 * municipality itself (coordinators and advisors work for it). Kept apart from PARTNER_TYPES
 * so that the demo generator, which draws reporters from PARTNER_TYPES, stays unchanged.
 */
export const ORGANISATION_TYPES = [...PARTNER_TYPES, 'municipality'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
