/** Password lengths: better-auth's limits and the new-account form's (OWASP ASVS: at least 12). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;
