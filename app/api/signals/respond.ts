import 'server-only';
import { PERSONAL_HEADERS } from '@/app/_server/session';

/**
 * Shared answers of the signal API. Every answer is personal (it depends on who asks and may
 * describe a vulnerable person's situation), so every one carries PERSONAL_HEADERS.
 */
export function personalJson(body: unknown, status = 200, extra: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...PERSONAL_HEADERS, ...extra } });
}

export const notFound = () => personalJson({ error: 'There is no signal with this number that you may see' }, 404);

/** Bodies are small forms: anything larger is not a report. */
const MAX_BODY_BYTES = 16 * 1024;

export type BodyResult = { ok: true; body: unknown } | { ok: false; response: Response };

/**
 * The request's JSON body, or the 4xx to send instead: 415 for another content type (so a
 * cross-site HTML form, which cannot send JSON, cannot write either), 413 when too large, 400
 * `{ errors: { _form } }` when it is not JSON at all.
 */
export async function readJsonBody(request: Request): Promise<BodyResult> {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    return {
      ok: false,
      response: personalJson({ error: 'Send the body as JSON (Content-Type: application/json)' }, 415),
    };
  }
  let text: string;
  try {
    text = await request.text();
  } catch {
    return {
      ok: false,
      response: personalJson(
        { errors: { _form: { code: 'unreadable_body', message: 'The body could not be read' } } },
        400,
      ),
    };
  }
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) {
    return { ok: false, response: personalJson({ error: `The body is larger than ${MAX_BODY_BYTES / 1024} KB` }, 413) };
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      response: personalJson(
        { errors: { _form: { code: 'invalid_json', message: 'The body is not valid JSON' } } },
        400,
      ),
    };
  }
}

/** An unexpected failure (database down, a bug): logged with its cause, answered without one. */
export function failure(what: string, error: unknown): Response {
  console.error(`[buurtradar] ${what} failed`, error);
  return personalJson({ error: 'This could not be done right now; try again later' }, 500);
}
