// The table on /guide/other-libraries (components/OtherLibraries/ledger.ts): every cell's source still says what
// the cell claims, in the versions package.json and the lockfile pin. A test source must name a test that exists;
// a package source must be the pinned version and its line must still hold the quoted text; docs are linked only.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { libraries, pinned, type DocsSource, type PackageSource, type Source, type TestSource } from '@/components/OtherLibraries/ledger'

const ROOT = resolve(__dirname, '../../..')
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8')
const installed = (pkg: string): string | undefined => {
  const file = join(ROOT, 'node_modules', pkg, 'package.json')
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined
}

const PINNED = pinned

const facts = libraries.flatMap((lib) =>
  (['api', 'where', 'requests', 'otherDevice', 'endOther'] as const).map((key) => ({ lib, key, fact: lib[key] })),
)
const all = (pred: (s: Source) => boolean) =>
  facts.flatMap(({ lib, key, fact }) => fact.sources.filter(pred).map((source) => ({ where: `${lib.name} / ${key}`, source })))
const isTest = (s: Source): s is TestSource => 'test' in s
const isPackage = (s: Source): s is PackageSource => 'pkg' in s
const isDocs = (s: Source): s is DocsSource => 'docs' in s

describe('the other-libraries ledger', () => {
  it('has the eight libraries, five cells each, every cell with a source', () => {
    expect(libraries.map((l) => l.name)).toEqual([
      'next-auth v4', 'Auth.js v5', 'Better Auth', 'Auth0 (nextjs-auth0 v4)', 'Clerk', 'Supabase', 'WorkOS AuthKit', 'iron-session',
    ])
    for (const { lib, key, fact } of facts) expect(fact.sources.length, `${lib.name} / ${key}`).toBeGreaterThan(0)
  })

  it('each row names the version installed here', () => {
    for (const lib of libraries) {
      expect(installed(lib.pkg), lib.name).toBe(lib.version)
      expect(PINNED[lib.pkg], lib.name).toBe(lib.version)
    }
  })

  it('where the library runs offline, every cell has a test or a line of its source, not a docs page alone (Better Auth, iron-session, Auth0, next-auth)', () => {
    for (const lib of libraries.filter((l) => ['better-auth', 'iron-session', '@auth0/nextjs-auth0', 'next-auth', 'next-auth-v5'].includes(l.pkg))) {
      for (const key of ['api', 'where', 'requests', 'otherDevice', 'endOther'] as const) {
        expect(lib[key].sources.some((s) => isTest(s) || isPackage(s)), `${lib.name} / ${key}`).toBe(true)
      }
    }
  })

  it.each(all(isPackage))('$where: the pinned package line still holds the cited text', ({ source }) => {
    const s = source as PackageSource
    expect(installed(s.pkg), s.pkg).toBe(PINNED[s.pkg])
    const lines = read(join('node_modules', s.pkg, s.file)).split('\n')
    expect(lines[s.line - 1], `${s.pkg}@${PINNED[s.pkg]}/${s.file}:${s.line}`).toContain(s.quote)
  })

  it.each(all(isTest))('$where: the test it cites exists', ({ source }) => {
    const s = source as TestSource
    expect(existsSync(join(ROOT, s.test)), s.test).toBe(true)
    expect(read(s.test), `${s.test} has a test named "${s.name}"`).toMatch(
      new RegExp(`\\bit(\\.each\\([^)]*\\))?\\(\\s*[\`'"]${s.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    )
  })

  it('docs sources are https links with what they are cited for', () => {
    for (const { where, source } of all(isDocs)) {
      const s = source as DocsSource
      expect(new URL(s.docs).protocol, where).toBe('https:')
      expect(s.says.length, where).toBeGreaterThan(5)
    }
  })

  it('the chapter links every test it cites, so the site serves each one (components/TestLink/linked-files.mjs)', () => {
    const page = read('pages/guide/other-libraries.mdx')
    for (const path of new Set(all(isTest).map(({ source }) => (source as TestSource).test))) {
      expect(page, path).toContain(`<TestLink path="${path}" />`)
    }
  })
})

describe('the functions the chapter shows exist in the installed versions', () => {
  it('iron-session 9: getIronSession, webCookies, nextProxyCookies', async () => {
    const m = await import('iron-session')
    expect([typeof m.getIronSession, typeof m.webCookies, typeof m.nextProxyCookies]).toEqual(['function', 'function', 'function'])
  })

  it('nextjs-auth0 4: Auth0Client#updateSession and #getSession', async () => {
    const { Auth0Client } = await import('@auth0/nextjs-auth0/server')
    expect(typeof Auth0Client.prototype.updateSession).toBe('function')
    expect(typeof Auth0Client.prototype.getSession).toBe('function')
  })

  it('Clerk backend: verifyToken, createClerkClient with users.updateUserMetadata and sessions.revokeSession', async () => {
    const { createClerkClient, verifyToken } = await import('@clerk/backend')
    expect(typeof verifyToken).toBe('function')
    // Building the client makes no request; only calling an endpoint would.
    const clerk = createClerkClient({ secretKey: 'sk_test_never_used' })
    expect(typeof clerk.users.updateUserMetadata).toBe('function')
    expect(typeof clerk.sessions.revokeSession).toBe('function')
  })

  it('Supabase auth-js: refreshSession, getClaims, admin.updateUserById, admin.signOut with the "others" scope', async () => {
    const { GoTrueAdminApi, GoTrueClient, SIGN_OUT_SCOPES } = await import('@supabase/auth-js')
    for (const name of ['refreshSession', 'getClaims', 'updateUser'] as const) expect(typeof GoTrueClient.prototype[name], name).toBe('function')
    for (const name of ['updateUserById', 'signOut'] as const) expect(typeof GoTrueAdminApi.prototype[name], name).toBe('function')
    expect(SIGN_OUT_SCOPES).toContain('others')
  })

  it('WorkOS AuthKit: refreshSession, withAuth, getWorkOS are exported (read, not imported: it is server-only)', () => {
    const exports = read('node_modules/@workos-inc/authkit-nextjs/dist/esm/index.js')
    const line = exports.split('\n').find((l) => l.startsWith('export { AuthKitError'))!
    for (const name of ['refreshSession', 'withAuth', 'getWorkOS']) expect(line).toMatch(new RegExp(`\\b${name}\\b`))
  })
})
