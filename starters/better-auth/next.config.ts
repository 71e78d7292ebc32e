import type { NextConfig } from 'next'

const config: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder: never bundle it.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres'],
  // This folder is the app's root, even when it sits inside another project with its own lockfile.
  outputFileTracingRoot: process.cwd(),
  turbopack: { root: process.cwd() },
  // `next dev` would otherwise write an AGENTS.md into the app: the starter ships exactly its own files.
  agentRules: false,
  experimental: { agentUpgrade: false },
}

export default config
