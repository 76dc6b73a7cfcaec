import { type ImportDetail, detail } from './problem-detail';

/**
 * Turns uploaded bytes into text. Decision: files are UTF-8 (what "CSV UTF-8" in Excel,
 * LibreOffice, QGIS and every GeoJSON writer produce), decoded strictly, so a Windows-1252
 * file is never silently turned into mojibake ("BelgiÃ«") in the database. Such a file gets a
 * clear error naming the line, and the user can either save it as UTF-8 or choose
 * `windows-1252` explicitly. UTF-16 with a byte order mark (Excel's "Unicode text") is
 * unambiguous and accepted.
 */
export const TEXT_ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncoding | 'utf-16le' | 'utf-16be' }
  | { ok: false; code: 'encoding' | 'not_text' | 'unsupported_format'; detail: ImportDetail };

export function decodeText(bytes: Uint8Array, encoding: TextEncoding = 'utf-8'): DecodeResult {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return { ok: false, code: 'unsupported_format', detail: detail('zip_archive') };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { ok: false, code: 'unsupported_format', detail: detail('old_excel') };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      return { ok: true, text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding: label };
    } catch {
      return { ok: false, code: 'encoding', detail: detail('invalid_utf16') };
    }
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, code: 'not_text', detail: detail('nul_byte', { line: lineAt(bytes, nul) }) };
  }
  if (encoding === 'windows-1252') return { ok: true, text: decodeWindows1252(bytes), encoding };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return { ok: false, code: 'encoding', detail: detail('invalid_utf8', { line: lineAt(bytes, offset) }) };
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (only called once decoding has failed). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // Allowed range of the second byte per lead byte (RFC 3629: no overlongs, no surrogates).
    const [length, low, high] =
      lead >= 0xc2 && lead <= 0xdf
        ? [2, 0x80, 0xbf]
        : lead === 0xe0
          ? [3, 0xa0, 0xbf]
          : lead === 0xed
            ? [3, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [3, 0x80, 0xbf]
              : lead === 0xf0
                ? [4, 0x90, 0xbf]
                : lead === 0xf4
                  ? [4, 0x80, 0x8f]
                  : lead >= 0xf1 && lead <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : [0, 0, 0];
    if (length === 0) return i;
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return bytes.length;
}

// Node's TextDecoder treats 'windows-1252' as ISO-8859-1 (0x80 becomes U+0080, not €), so the
// 32 bytes where the two differ are mapped here. Undefined bytes (0x81, 0x8D, …) map to U+FFFD.
const CP1252_HIGH = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(
      ...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte)),
    );
  }
  return text;
}
