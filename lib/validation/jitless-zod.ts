import { z } from 'zod';

/**
 * Zod compiles object parsers with `new Function` where it may, and finds out with a caught
 * `new Function('')`. Under our Content-Security-Policy (no 'unsafe-eval') the browser reports
 * that probe as a violation even though nothing runs. Imported once by the client root
 * (app/_components/i18n-provider.tsx): browsers parse few inputs, the interpreter is enough.
 */
z.config({ jitless: true });
