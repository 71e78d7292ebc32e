import type { NextConfig } from 'next'

const config: NextConfig = {
  // better-sqlite3 is a native module: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ['better-sqlite3'],
  // This folder is the app's root, even when it sits inside another project with its own lockfile.
  outputFileTracingRoot: process.cwd(),
}

export default config
