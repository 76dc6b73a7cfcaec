/**
 * Password lengths: better-auth's limits and the new-account form's. Long enough to resist
 * guessing; no composition rules (NIST SP 800-63B).
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;
