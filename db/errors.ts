/**
 * Failures to reach or open a database. Their messages are written for the person starting
 * Buurtradar: one line that says what is wrong and what to do about it.
 */
export class DatabaseStartupError extends Error {
  override name = 'DatabaseStartupError';
}

/** Removes the password from a connection URL before it appears in a message or log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
