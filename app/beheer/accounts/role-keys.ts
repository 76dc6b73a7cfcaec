import type { Role } from '@/lib/auth/roles';

/** The roles' names in the dictionaries (the header's user menu uses the same keys). */
export const ROLE_KEYS = {
  reporter: 'auth.role.reporter',
  coordinator: 'auth.role.coordinator',
  advisor: 'auth.role.advisor',
  regional_analyst: 'auth.role.regional_analyst',
  admin: 'auth.role.admin',
} as const satisfies Record<Role, string>;
