/** @type {import('next').NextConfig} */
export default {
  reactStrictMode: true,
  poweredByHeader: false,
  // The starter is its own project, even when it sits inside another repository (this one's lockfile decides).
  outputFileTracingRoot: import.meta.dirname,
  // better-sqlite3 is a native addon: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ['better-sqlite3'],
}
