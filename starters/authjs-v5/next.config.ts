import type { NextConfig } from 'next'

const config: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time: never bundle it.
  serverExternalPackages: ['@electric-sql/pglite'],
  // This folder is the app's root, even when it sits inside another project with its own lockfile.
  outputFileTracingRoot: process.cwd(),
  turbopack: { root: process.cwd() },
}

export default config
