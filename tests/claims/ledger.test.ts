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

  it('no id is tested twice', () => {
    const seen = new Map<string, string>()
    const twice = tests.flatMap((t) => {
      const first = seen.get(t.id)
      seen.set(t.id, `${t.file}:${t.line}`)
      return first ? [`${t.id}: ${first} and ${t.file}:${t.line}`] : []
    })
    expect(twice).toEqual([])
  })

  it('a versioned id is tested in that version only, and its test lives in that version’s folder', () => {
    const wrong = tests.flatMap((t) => {
      const prefixed = Object.entries(PREFIX).find(([, prefix]) => t.id.startsWith(prefix))
      if (!prefixed) return []
      const [version] = prefixed
      const ok = t.versions.length === 1 && t.versions[0] === version && t.file.startsWith(`tests/claims/${version}/`)
      return ok ? [] : [`${t.id} [${t.versions.join(', ')}] in ${t.file}`]
    })
    expect(wrong).toEqual([])
  })
})
