/**
 * Reads an NDJSON response line by line as it arrives, calling `onLine` for each parsed line.
 * Returns the last line (the import's result). A line that does not parse is skipped: a
 * progress line lost in a proxy must not break the page.
 */
export async function readJsonLines(
  response: Response,
  onLine: (line: Record<string, unknown>) => void,
): Promise<Record<string, unknown> | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let last: Record<string, unknown> | null = null;
  const take = (text: string) => {
    if (text.trim() === '') return;
    try {
      const line = JSON.parse(text) as Record<string, unknown>;
      last = line;
      onLine(line);
    } catch {
      // skipped
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      take(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
    }
  }
  take(buffer + decoder.decode());
  return last;
}
