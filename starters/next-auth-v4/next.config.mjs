/** @type {import('next').NextConfig} */
export default {
  reactStrictMode: true,
  poweredByHeader: false,
  // The starter is its own project, even when it sits inside another repository (this one's lockfile decides).
  outputFileTracingRoot: import.meta.dirname,
  turbopack: { root: import.meta.dirname },
  // PGlite loads its WebAssembly and data files from beside its own module, and postgres opens sockets:
  // both are loaded from node_modules at run time instead of being bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
}
