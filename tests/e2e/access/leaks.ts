/**
 * What a person must never find in an answer: descriptions, ids and (generalised) points of
 * signals they may not see. Bodies are searched as text, so that HTML, the React Server
 * Component payload inside it (where quotes are escaped) and JSON are all covered.
 */
export interface Secrets {
  descriptions: readonly string[];
  ids: readonly number[];
  points: readonly { lon: number; lat: number }[];
}

const idPattern = (id: number) =>
  new RegExp(
    `(?:\\\\?"id\\\\?"\\s*:\\s*|/api/signals/|/meldingen/|data-signal-id(?:=|\\\\?"\\s*:\\s*)\\\\?"?|#)${id}(?![0-9a-f])`,
  );

/** Human-readable findings; empty when the body gives nothing away. */
export function findLeaks(body: string, secrets: Secrets): string[] {
  const found: string[] = [];
  for (const text of secrets.descriptions) if (body.includes(text)) found.push(`description "${text.slice(0, 40)}…"`);
  for (const id of secrets.ids) if (idPattern(id).test(body)) found.push(`signal id ${id}`);
  for (const point of secrets.points) {
    if (body.includes(String(point.lon)) && body.includes(String(point.lat)))
      found.push(`signal point ${point.lon}, ${point.lat}`);
  }
  return found;
}
