// What next-auth 4's client signIn() resolves when the handler's CSRF check fails: the real next-auth/react
// signIn, run as a browser would (tests/snippets/support/browser.ts), against next-auth 4's real handler.
import { signIn } from 'next-auth/react'
import { expect, it } from 'vitest'
import { asBrowser } from '../../snippets/support/browser'
import { serve } from '../../snippets/v4/setup'
import { claim } from '../support/claim'

claim('v4-signin-csrf-failure-ok', ['v4'], () => {
  it('a sign-in whose CSRF check fails resolves ok: true, error: null, with ?csrf=true in its url, and signs nobody in', async () => {
    const { url, client } = await serve([])
    const c = await client()
    // A browser that lost its CSRF cookie between reading the token and posting it (expired, blocked, another
    // tab's sign-out): the double-submit check fails on the POST.
    const send = c.request.bind(c)
    c.request = async (path, init) => {
      if (path.includes('/api/auth/callback/')) c.jar.delete('next-auth.csrf-token')
      return send(path, init)
    }
    const result = await asBrowser(url, c, () => signIn('sign-in', { name: 'Ada', redirect: false }))
    expect(result).toMatchObject({ ok: true, error: null, status: 200 })
    expect(new URL(result!.url!).searchParams.get('csrf')).toBe('true')
    expect(c.jar.has('next-auth.session-token')).toBe(false)
  })
})
