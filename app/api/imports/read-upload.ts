import 'server-only';
import { PERSONAL_HEADERS } from '@/app/_server/session';
import type { ImportUpload } from '@/db/queries/imports/dry-run';
import { MAX_FILE_BYTES } from '@/lib/imports/dry-run';
import { type FieldError, parseUploadFields } from '@/lib/imports/upload-form';

/**
 * Reads a multipart import upload (a `file` and the text fields of lib/imports/upload-form.ts)
 * with a hard cap on the bytes read, so an oversized body is refused with a 413 without
 * buffering it. Everything wrong is a 4xx with the reason, never a 500.
 */
const MULTIPART_SLACK = 1024 * 1024;
export const MAX_UPLOAD_BYTES = MAX_FILE_BYTES + MULTIPART_SLACK;

export type UploadRead = { ok: true; upload: ImportUpload } | { ok: false; response: Response };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function fieldErrors(errors: Record<string, FieldError>, status: 400 = 400): Response {
  return Response.json({ errors }, { status, headers: PERSONAL_HEADERS });
}

function refuse(status: 400 | 413 | 415, error: string): UploadRead {
  return { ok: false, response: Response.json({ error }, { status, headers: PERSONAL_HEADERS }) };
}

const tooLarge = () =>
  refuse(413, `The file is too large: at most ${megabytes(MAX_FILE_BYTES)} can be imported at once`);

export async function readUpload(request: Request): Promise<UploadRead> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;\s*boundary=/i.test(type)) {
    return refuse(415, 'Send the file as multipart/form-data with a "file" field and a "layer" field');
  }
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) return tooLarge();
  const body = await readCapped(request, MAX_UPLOAD_BYTES);
  if (body === 'too_large') return tooLarge();
  if (body === 'failed') return refuse(400, 'The upload was interrupted; send the file again');

  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    return refuse(400, 'The upload is not valid multipart/form-data');
  }
  const texts: Record<string, string> = {};
  const errors: Record<string, FieldError> = {};
  let file: File | null = null;
  for (const [name, value] of form.entries()) {
    const key = name.slice(0, 64);
    if (name === 'file') {
      if (typeof value === 'string' || file !== null)
        errors.file = { code: 'invalid', message: 'must be exactly one uploaded file' };
      else file = value;
    } else if (typeof value !== 'string') {
      errors[key] = { code: 'invalid', message: 'must be text, not a file' };
    } else if (Object.hasOwn(texts, name)) {
      errors[key] = { code: 'repeated', message: 'is given more than once' };
    } else {
      texts[name] = value;
    }
  }
  const fields = parseUploadFields(texts);
  if (!fields.ok) Object.assign(errors, fields.errors);
  // A form's file input with nothing chosen still sends a part: an empty file without a name.
  if ((file === null || (file.name === '' && file.size === 0)) && !errors.file)
    errors.file = { code: 'required', message: 'is required: choose a CSV or GeoJSON file' };
  if (Object.keys(errors).length > 0 || !fields.ok || file === null)
    return { ok: false, response: fieldErrors(errors) };
  if (file.size > MAX_FILE_BYTES) return tooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Browsers send the bare name; some clients send a path, which says nothing we need.
  const fileName = (file.name.split(/[\\/]/).pop() ?? '').slice(0, 255) || 'upload';
  return {
    ok: true,
    upload: { layer: fields.value.layer, bytes, fileName, choices: fields.value.choices, source: fields.value.source },
  };
}

/** The request body, read until `cap` bytes at most. */
async function readCapped(request: Request, cap: number): Promise<Uint8Array<ArrayBuffer> | 'too_large' | 'failed'> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > cap) {
        await reader.cancel().catch(() => {});
        return 'too_large';
      }
      chunks.push(value);
    }
  } catch {
    return 'failed';
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
