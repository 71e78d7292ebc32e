// The demo's other providers (guest, GitHub, the deliberately vulnerable naive one), called as next-auth calls them.
import { afterEach, describe, expect, it } from 'vitest'
import type { CredentialsConfig } from 'next-auth/providers/credentials'
import { githubProvider } from '@/demo/providers/github'
import { guestProvider } from '@/demo/providers/guest'
import { naiveSessionUpdateProvider } from '@/demo/providers/session-update-naive'
import { findUser } from '@/demo/users'
import { FORGED_ADMIN } from '../support/forged'

const options = (p: { options?: unknown }) => p.options as CredentialsConfig
const env = { ...process.env }
afterEach(() => {
  process.env = { ...env }
})

describe('guest provider', () => {
  it('creates a new INITIAL row per sign-in, with the trimmed name', async () => {
    expect(options(guestProvider)).toMatchObject({ id: 'demo', name: 'Guest' })
    const user = await options(guestProvider).authorize({ name: '  Ada  ' }, {} as never)
    expect(user).toEqual({ id: expect.any(String), name: 'Ada', email: null, image: null, role: 'reader', onboardingStep: 'INITIAL', ver: 1 })
    expect(findUser(user!.id)).toMatchObject({ name: 'Ada', version: 1 })
    expect((await options(guestProvider).authorize({ name: 'Ada' }, {} as never))!.id).not.toBe(user!.id)
  })

  it('refuses an empty or missing name and one over 40 characters, with the reason', async () => {
    for (const name of ['', '   ', undefined]) {
      await expect(options(guestProvider).authorize({ name } as never, {} as never), String(name)).rejects.toThrow(/^Enter a display name\.$/)
    }
    // No credentials at all (next-auth passes the request body, which may be absent): the same reason, not a TypeError.
    await expect(options(guestProvider).authorize(undefined, {} as never)).rejects.toThrow(/^Enter a display name\.$/)
    await expect(options(guestProvider).authorize({ name: 'x'.repeat(41) }, {} as never)).rejects.toThrow('A display name has at most 40 characters.')
    await expect(options(guestProvider).authorize({ name: 'x'.repeat(40) }, {} as never)).resolves.toMatchObject({ name: 'x'.repeat(40) })
  })
})

describe('display names that render as nothing are refused (issue 22)', () => {
  const authorize = (name: string) => options(guestProvider).authorize({ name }, {} as never)
  // After NFKC, removing default-ignorable, format, combining, separator and blank-by-design code points, something
  // must remain; and no more than four marks stack on one letter.
  const BLANK = {
    'U+3164 HANGUL FILLER': '\u3164',
    'U+3164 × 3 with spaces': '\u3164 \u3164 \u3164',
    'U+FFA0 HALFWIDTH HANGUL FILLER': '\uFFA0',
    'U+115F/U+1160 jamo fillers': '\u115F\u1160',
    'U+2800 BRAILLE PATTERN BLANK': '\u2800\u2800',
    'U+3000 ideographic space': '\u3000',
    'combining marks alone': '\u0301\u0302\u0303',
    'U+034F combining grapheme joiner': '\u034F',
    'U+2800 and a mark': '\u2800\u0301',
  }
  // Each with the reason it is refused for: U+3000 is white space, so trim() leaves nothing; the rest survive trim().
  const reason = (name: string) => (name.trim() === '' ? 'Enter a display name.' : 'A display name must show something: this one renders as blank.')
  for (const [what, name] of Object.entries(BLANK)) {
    it(`refuses ${what}`, async () => {
      await expect(authorize(name)).rejects.toHaveProperty('message', reason(name))
    })
  }

  it('refuses a stack of five or more combining marks on one letter ("zalgo")', async () => {
    await expect(authorize(`a${'\u0301'.repeat(5)}`)).rejects.toThrow('A display name stacks at most four combining marks on one letter.')
    await expect(authorize(`Zalgo${'\u0336\u0337\u0338'.repeat(3)}`)).rejects.toThrow(/at most four combining marks/)
  })

  it('accepts real names in any script, marks and all', async () => {
    for (const name of ['Zoë', 'Zoe\u0308', 'Nguyễn Thị', 'किरण', '李小龍', 'José María', 'O’Brien', 'a\u0301\u0302\u0303\u0304', '田中 ㅤ花子'.replace('ㅤ', '')]) {
      await expect(authorize(name), name).resolves.toMatchObject({ name: name.trim() })
    }
  })

  it('visiblePart: what is left to see', async () => {
    const { visiblePart } = await import('@/demo/providers/guest')
    expect(visiblePart('\u3164A\u2800b\u200B\u0301 ')).toBe('Ab')
    expect(visiblePart('ｆｕｌｌ')).toBe('full') // NFKC folds widths
  })
})

describe('GitHub provider', () => {
  it('is offered only when both GITHUB_ID and GITHUB_SECRET are set', () => {
    delete process.env.GITHUB_ID
    delete process.env.GITHUB_SECRET
    expect(githubProvider()).toEqual([])
    process.env.GITHUB_ID = 'id'
    expect(githubProvider()).toEqual([])
    process.env.GITHUB_SECRET = 'secret'
    const [github] = githubProvider()
    expect(github).toMatchObject({ id: 'github', options: { clientId: 'id', clientSecret: 'secret' } })
    delete process.env.GITHUB_ID
    expect(githubProvider()).toEqual([])
  })
})

describe('naive provider (deliberately vulnerable)', () => {
  const authorize = (user?: string) => options(naiveSessionUpdateProvider).authorize({ user } as never, {} as never)

  it('is labelled as vulnerable', () => {
    expect(options(naiveSessionUpdateProvider)).toMatchObject({ id: 'session-update-naive', name: 'Session update (naive, VULNERABLE)' })
  })

  it('mints whatever well-formed user JSON it is sent: the lesson', async () => {
    expect(await authorize(JSON.stringify(FORGED_ADMIN))).toEqual(FORGED_ADMIN)
    expect(await authorize(JSON.stringify({ id: 7 }))).toEqual({ id: '7' })
  })

  it('answers null (a 401, not a 500) for what next-auth could not mint', async () => {
    expect(await authorize(undefined)).toBeNull()
    expect(await authorize('')).toBeNull()
    for (const bad of [{ id: { toString: 1 } }, { id: '' }, {}, { id: 'x', name: 5 }, { id: 'x', ver: 'one' }, { id: 'x', role: 1 }, { id: 'x', onboardingStep: 1 }, { id: 'x', email: 1 }, { id: 'x', image: 1 }]) {
      expect(await authorize(JSON.stringify(bad)), JSON.stringify(bad)).toBeNull()
    }
    expect(await authorize(JSON.stringify({ id: 'x', name: null, email: null, image: null, ver: 3 }))).toEqual({ id: 'x', name: null, email: null, image: null, ver: 3 })
  })
})
