import 'server-only';
import { PERSONAL_HEADERS } from '@/app/_server/session';

type Line = Record<string, unknown>;

/**
 * A 200 response streaming NDJSON lines while `work` runs on this instance: progress comes
 * from the code doing the work, not from polling the database, so it works on PGlite's single
 * connection and behind a load balancer alike. `work` returns the last line. If the client
 * goes away the work still finishes (or rolls back) as one transaction; if it throws, the last
 * line says so. `no-transform` keeps the compression middleware from holding lines back.
 */
export function progressStream(work: (send: (line: Line) => void) => Promise<Line>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (line: Line) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          open = false;
        }
      };
      // Not awaited: the response starts streaming at once.
      void (async () => {
        try {
          send(await work(send));
        } catch (error) {
          console.error('[buurtradar] streamed work failed', error);
          send({
            type: 'result',
            ok: false,
            status: 500,
            error: 'The import failed; nothing was imported. Try again later',
          });
        } finally {
          if (open) {
            open = false;
            try {
              controller.close();
            } catch {
              /* already closed by the client */
            }
          }
        }
      })();
    },
    cancel() {
      // The client went away; the work goes on and its result shows in the history.
    },
  });
  return new Response(body, {
    headers: {
      ...PERSONAL_HEADERS,
      'Cache-Control': 'private, no-store, no-transform',
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'X-Accel-Buffering': 'no',
    },
  });
}
