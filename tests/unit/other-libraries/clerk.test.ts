// @clerk/backend 3.25.0's verifyToken, networkless with a jwtKey: the gate half of content/other/clerk.ts runs
// here. The token is signed by this test with its own RSA key in the shape of a Clerk session token (Clerk's
// servers mint the real ones; nothing here calls them). What it shows: the gate reads the claim from the token
// alone, so a token minted before the metadata changed says the old thing until it expires.
import { exportSPKI, generateKeyPair, SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { onboardingDone } from '@/content/other/clerk'

async function keys() {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true })
  return { privateKey, jwtKey: await exportSPKI(publicKey) }
}

function sessionToken(privateKey: CryptoKey, metadata: Record<string, unknown>, issuedAt: number, lifetime = 60) {
  return new SignJWT({ sid: 'sess_1', metadata })
    .setProtectedHeader({ alg: 'RS256', kid: 'ins_1' })
    .setSubject('user_1')
    .setIssuer('https://clerk.example.invalid')
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(issuedAt + lifetime)
    .sign(privateKey)
}

describe('Clerk: the gate reads the session token, networkless', () => {
  it('sees the claim the token was minted with: old until a new token, new after', async () => {
    const { privateKey, jwtKey } = await keys()
    const now = Math.floor(Date.now() / 1000)
    expect(await onboardingDone(await sessionToken(privateKey, { onboardingComplete: false }, now), jwtKey)).toBe(false)
    expect(await onboardingDone(await sessionToken(privateKey, { onboardingComplete: true }, now), jwtKey)).toBe(true)
  })

  it('a token past its minute is refused: the window is the token’s lifetime', async () => {
    const { privateKey, jwtKey } = await keys()
    const minted = Math.floor(Date.now() / 1000) - 120
    await expect(onboardingDone(await sessionToken(privateKey, { onboardingComplete: true }, minted), jwtKey)).rejects.toThrow(/expired/i)
  })

  it('refuses a token signed by another key', async () => {
    const { jwtKey } = await keys()
    const other = await keys()
    const now = Math.floor(Date.now() / 1000)
    await expect(onboardingDone(await sessionToken(other.privateKey, { onboardingComplete: true }, now), jwtKey)).rejects.toThrow()
  })
})
