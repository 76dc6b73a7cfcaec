/** Where the sign-in page sends someone afterwards when nothing else was asked for. */
export const DEFAULT_AFTER_SIGN_IN = '/';

/**
 * The page to return to after signing in (`?terug=/kaart/sw11`), only if it is a path on this
 * site: anything that could lead elsewhere (`//evil.example`, `https://…`, `/\evil`) or back
 * into the sign-in page gives the default instead. Never an open redirect.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) return DEFAULT_AFTER_SIGN_IN;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return DEFAULT_AFTER_SIGN_IN;
  if (/[\u0000-\u001f\u007f]/.test(value)) return DEFAULT_AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(value, 'http://buurtradar.invalid');
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== 'http://buurtradar.invalid') return DEFAULT_AFTER_SIGN_IN;
  if (url.pathname === '/aanmelden' || url.pathname.startsWith('/api/')) return DEFAULT_AFTER_SIGN_IN;
  return `${url.pathname}${url.search}${url.hash}`;
}
