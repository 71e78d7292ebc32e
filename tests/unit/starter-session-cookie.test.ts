// The next-auth-v4 starter's reading of the caller's own session (starters/next-auth-v4/lib/session-cookie.ts), what
// its ticket provider's authorize() decides on: the whole cookie or next-auth's chunks in numeric order, the name
// next-auth uses for the request, and nothing for a cookie that does not decrypt. Real cookies sealed by next-auth.
import { encode } from 'next-auth/jwt'
import { afterEach, describe, expect, it } from 'vitest'
import { readSessionToken, sessionCookieName, sessionCookieParts } from '../../starters/next-auth-v4/lib/session-cookie'

const NAME = 'next-auth.session-token'
const publicUrl = process.env.NEXTAUTH_URL
afterEach(() => {
  process.env.NEXTAUTH_URL = publicUrl
})
const seal = (token: Record<string, unknown>, secret = process.env.NEXTAUTH_SECRET!) => encode({ token, secret })

describe('sessionCookieParts(cookies, name)', () => {
  it('the whole cookie first, then its numbered chunks in numeric order; nothing else', () => {
    const jar = Object.fromEntries(
      [`${NAME}.10`, `${NAME}.2`, 'other', `${NAME}.x`, `${NAME}.0x`, `${NAME}.x0`, `${NAME}_3`, `x${NAME}.1`, `${NAME}.0`, NAME, `${NAME}.1`].map((k) => [k, 'v']),
    )
    expect(sessionCookieParts(jar, NAME)).toEqual([NAME, `${NAME}.0`, `${NAME}.1`, `${NAME}.2`, `${NAME}.10`])
    expect(sessionCookieParts({ [`${NAME}.1`]: 'b', [`${NAME}.0`]: 'a' }, NAME)).toEqual([`${NAME}.0`, `${NAME}.1`])
    expect(sessionCookieParts({ [`${NAME}.0`]: 'a', [NAME]: 'w' }, NAME)).toEqual([NAME, `${NAME}.0`])
    expect(sessionCookieParts({ [`${NAME}.3`]: 'a', [`${NAME}.21`]: 'b' }, NAME)).toEqual([`${NAME}.3`, `${NAME}.21`])
  })

  it('names the cookie as next-auth v4 does', () => {
    expect(sessionCookieName(false)).toBe(NAME)
    expect(sessionCookieName(true)).toBe(`__Secure-${NAME}`)
  })
})

describe('readSessionToken(headers)', () => {
  const token = { sub: 'u1', sid: 's1', ver: 3 }

  it('reads the whole cookie', async () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000'
    expect(await readSessionToken({ cookie: `theme=dark; ${NAME}=${await seal(token)}` })).toMatchObject(token)
  })

  it('reads a chunked session from its chunks, joined in numeric order, whatever a whole cookie beside them says', async () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000'
    const value = await seal({ ...token, pad: 'x'.repeat(200) })
    const cut = [value.slice(0, 100), value.slice(100, 200), value.slice(200)]
    const cookie = `${NAME}.2=${cut[2]}; ${NAME}.0=${cut[0]}; ${NAME}=stale; ${NAME}.1=${cut[1]}`
    expect(await readSessionToken({ cookie })).toMatchObject(token)
  })

  it('over https reads the __Secure- cookie only', async () => {
    process.env.NEXTAUTH_URL = 'https://app.example'
    const value = await seal(token)
    expect(await readSessionToken({ cookie: `__Secure-${NAME}=${value}` })).toMatchObject(token)
    expect(await readSessionToken({ cookie: `${NAME}=${value}` })).toBeNull()
  })

  it('nothing to read, or a cookie sealed with another secret or tampered with: null, never a throw', async () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000'
    expect(await readSessionToken(undefined)).toBeNull()
    expect(await readSessionToken({})).toBeNull()
    expect(await readSessionToken({ cookie: 'theme=dark' })).toBeNull()
    expect(await readSessionToken({ cookie: `${NAME}=${await seal(token, 'another-secret-0123456789abcdef')}` })).toBeNull()
    expect(await readSessionToken({ cookie: `${NAME}=not-a-jwe` })).toBeNull()
  })
})
