// @ts-check

/**
 * Content-Security-Policy for every response. Everything comes from our own origin: scripts,
 * styles, MapLibre's worker (/api/map/worker), tiles and data. Exceptions, and why:
 * - script-src 'unsafe-inline': the App Router inlines its bootstrap and flight data in
 *   <script> tags; without per-request nonces (a proxy.ts) they need this. No other origin
 *   may serve scripts, and eval stays forbidden outside development.
 * - style-src 'unsafe-inline': React style attributes and MapLibre's positioning styles.
 * - img-src data: blob:, worker-src blob:: MapLibre builds images and may start workers from
 *   blobs.
 * - the OpenStreetMap tile origin (BUURTRADAR_OSM_TILE_URL at build time) for the optional
 *   `osm` basemap; the default offline basemap needs nothing outside our origin.
 * - development only: 'unsafe-eval' and ws: for React Refresh and hot reloading.
 */
function contentSecurityPolicy(development) {
  const tileOrigin = originOf(process.env.BUURTRADAR_OSM_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png');
  const directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...(development ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...(tileOrigin ? [tileOrigin] : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(tileOrigin ? [tileOrigin] : []), ...(development ? ['ws:', 'wss:'] : [])],
    'worker-src': ["'self'", 'blob:'],
    'child-src': ["'self'", 'blob:'],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'manifest-src': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** The origin of a tile URL template such as https://tile.example.org/{z}/{x}/{y}.png. */
function originOf(template) {
  try {
    return new URL(template.replace(/\{[a-z]\}/g, '0')).origin;
  } catch {
    return null;
  }
}

/** @type {(phase: string) => import('next').NextConfig} */
export default function nextConfig(phase) {
  // next/constants' PHASE_DEVELOPMENT_SERVER: `next dev`, which needs eval and a websocket.
  const development = phase === 'phase-development-server';
  return {
    // PGlite loads WebAssembly and data files from its package folder at run time: keep it (and
    // the node-postgres driver) out of the server bundle so those files resolve from node_modules.
    // Turf too: bundled, its convex hull (concaveman) loses the rbush constructor it needs.
    serverExternalPackages: [
      '@electric-sql/pglite',
      '@electric-sql/pglite-postgis',
      'pg',
      'proper-lockfile',
      '@turf/turf',
    ],
    poweredByHeader: false,
    // forbidden() in server components (app/forbidden.tsx): a signed-in role without access,
    // such as another role on the admin pages, gets a real 403 page.
    experimental: { authInterrupts: true },
    reactStrictMode: true,
    async headers() {
      return [
        {
          source: '/:path*',
          headers: [
            { key: 'Content-Security-Policy', value: contentSecurityPolicy(development) },
            { key: 'X-Content-Type-Options', value: 'nosniff' },
            { key: 'Referrer-Policy', value: 'same-origin' },
            { key: 'X-Frame-Options', value: 'DENY' },
            // geolocation=(self): the report form's "use my location" button; no other origin may ask.
            { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(self), payment=()' },
          ],
        },
        {
          // Pages (HTML and their RSC payloads) show who is signed in and what they may see:
          // never stored. API routes set their own Cache-Control (tiles and areas are cacheable;
          // personal answers use PERSONAL_HEADERS from app/_server/session.ts).
          source: '/((?!api/|_next/|favicon\\.ico|icon\\.svg|readme/).*)',
          headers: [{ key: 'Cache-Control', value: 'private, no-store' }],
        },
      ];
    },
  };
}
