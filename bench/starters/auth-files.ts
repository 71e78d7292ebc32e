// The auth code a reader of each starter writes: the files its README's "Where things are" table lists for sign-in,
// the session and its claims, the gate and the update (not the database driver, settings, pages or tests, which are
// the same kind of code in all three). Counted as lines that are neither blank nor only a comment.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { StarterName } from './measure'

export const AUTH_FILES: Record<StarterName, string[]> = {
  'next-auth-v4': [
    'proxy.ts',
    'lib/auth-options.ts',
    'lib/claims.ts',
    'lib/complete-onboarding.ts',
    'lib/recent-writes.ts',
    'lib/reissue-session.ts',
    'lib/secure-cookies.ts',
    'pages/api/auth/[...nextauth].ts',
    'pages/api/onboarding/complete.ts',
  ],
  'authjs-v5': [
    'src/proxy.ts',
    'src/server/auth/config.ts',
    'src/server/auth/claims.ts',
    'src/server/auth/index.ts',
    'src/server/auth/race-guard.ts',
    'src/server/auth/cookie-name.ts',
    'src/app/api/auth/[...nextauth]/route.ts',
    'src/server/onboarding.ts',
    'src/app/api/onboarding/complete/route.ts',
  ],
  'better-auth': [
    'src/proxy.ts',
    'src/server/better-auth/config.ts',
    'src/server/better-auth/index.ts',
    'src/server/better-auth/server.ts',
    'src/server/better-auth/client.ts',
    'src/app/api/auth/[...all]/route.ts',
    'src/server/onboarding.ts',
    'src/app/api/onboarding/complete/route.ts',
  ],
}

/** Lines that hold code: not blank, not a `//` line, not inside or opening a block comment. */
export function codeLines(source: string): number {
  let inBlock = false
  let n = 0
  for (const raw of source.split('\n')) {
    const line = raw.trim()
    if (inBlock) {
      if (line.includes('*/')) inBlock = false
      continue
    }
    if (line === '' || line.startsWith('//')) continue
    if (line.startsWith('/*')) {
      inBlock = !line.includes('*/')
      continue
    }
    n++
  }
  return n
}

export function authCodeLines(starterDir: string, name: StarterName) {
  const files = AUTH_FILES[name].map((file) => ({ file, lines: codeLines(readFileSync(join(starterDir, file), 'utf8')) }))
  return { total: files.reduce((sum, f) => sum + f.lines, 0), files }
}
