// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads WebAssembly and data files from its package folder at run time: keep it (and
  // the node-postgres driver) out of the server bundle so those files resolve from node_modules.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-postgis', 'pg', 'proper-lockfile'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
