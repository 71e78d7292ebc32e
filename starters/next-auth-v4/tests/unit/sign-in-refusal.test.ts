import { describe, expect, it } from 'vitest'
import { signInRefusal } from '../../lib/sign-in-refusal'

describe('signInRefusal', () => {
  it('treats an error as a refusal even when ok is true', () => {
    expect(signInRefusal({ ok: true, error: 'This ticket was issued to another session.', status: 200, url: null })).toMatch(/another session/)
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
