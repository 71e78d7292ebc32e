// The claims ledger (issue 23): every sentence a page wraps in <Claim id="…"> has a test of that id under
// tests/claims/, and every such test is about a sentence some page shows. The ids are read from the tree
// (mdx/claims-catalog.mjs), the same list /guide/claims is built from.
import { describe, expect, it } from 'vitest'
import { pageClaims, testClaims } from '@/mdx/claims-catalog.mjs'

const pages = pageClaims()
const tests = testClaims()
const tested = new Set(tests.map((t) => t.id))
const shown = new Set(pages.flatMap((p) => (p.id ? [p.id] : [])))
const where = (p: { page: string; line: number }) => `${p.page}:${p.line}`
// An id names its version first where one applies: v4-, v5-, ba- (better-auth).
const PREFIX: Record<string, string> = { v4: 'v4-', v5: 'v5-', 'better-auth': 'ba-' }

describe('the claims ledger', () => {
  it('finds claims in the pages and in the tests', () => {
    expect(pages.length).toBeGreaterThan(0)
    expect(tests.length).toBeGreaterThan(0)
  })

  it('every <Claim> carries an id', () => {
    expect(pages.filter((p) => !p.id).map(where)).toEqual([])
  })

  it('every id a page shows has a test', () => {
    expect(pages.filter((p) => p.id && !tested.has(p.id)).map((p) => `${p.id} (${where(p)})`)).toEqual([])
  })

  it('every test names an id some page shows', () => {
    expect(tests.filter((t) => !shown.has(t.id)).map((t) => `${t.id} (${t.file}:${t.line})`)).toEqual([])
  })

  // An id without a version prefix is about several versions: one test per version, each in its version's folder.
  it('no id is tested twice in the same version', () => {
    const seen = new Map<string, string>()
    const twice = tests.flatMap((t) =>
      t.versions.flatMap((v) => {
        const key = `${t.id} [${v}]`
        const first = seen.get(key)
        seen.set(key, `${t.file}:${t.line}`)
        return first ? [`${key}: ${first} and ${t.file}:${t.line}`] : []
      }),
    )
    expect(twice).toEqual([])
  })

  it('a test runs in the version its folder resolves, and a versioned id is tested in that version only', () => {
    const wrong = tests.flatMap((t) => {
      const folder = /^tests\/claims\/([\w-]+)\//.exec(t.file)?.[1]
      const prefixed = Object.entries(PREFIX).find(([, prefix]) => t.id.startsWith(prefix))?.[0]
      const ok = t.versions.length === 1 && t.versions[0] === folder && (!prefixed || prefixed === folder)
      return ok ? [] : [`${t.id} [${t.versions.join(', ')}] in ${t.file}`]
    })
    expect(wrong).toEqual([])
  })
})
