import { describe, expect, it } from 'vitest'
import { signInRefusal } from '../../lib/sign-in-refusal'

describe('signInRefusal', () => {
  // next-auth 4 answers a refused credentials sign-in with 401: the client resolves ok: false, status 401 and the
  // error (tests/claims/v4/sign-in.test.ts checks that shape against the real handler).
  it('names the error of a refused sign-in', () => {
    expect(signInRefusal({ ok: false, error: 'This ticket was issued to another session.', status: 401, url: null })).toMatch(/another session/)
    expect(signInRefusal({ ok: false, error: 'CredentialsSignin', status: 401, url: null })).toMatch(/refused the update/)
  })
  it('catches a failed CSRF check: ok true, error null, csrf=true in the url', () => {
    const result = { ok: true, error: null, status: 200, url: 'http://localhost:3000/api/auth/signin?csrf=true' }
    expect(signInRefusal(result)).toMatch(/CSRF/)
  })
  it('accepts a real success', () => {
    expect(signInRefusal({ ok: true, error: null, status: 200, url: 'http://localhost:3000/onboarding' })).toBeNull()
  })
  it('reports no answer and non-2xx', () => {
    expect(signInRefusal(undefined)).toMatch(/No answer/)
    expect(signInRefusal({ ok: false, error: null, status: 500, url: null })).toMatch(/500/)
  })
})
