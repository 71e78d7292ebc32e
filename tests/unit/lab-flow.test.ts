// The lab's flow through the real Auth.js core, in Node, with the very files the lab shows.
import { describe, expect, test } from 'vitest'
import naiveAuth from '@/content/lab/naive/auth.ts?raw'
import naiveUpdate from '@/content/lab/naive/update.ts?raw'
import ticketAuth from '@/content/lab/ticket/auth.ts?raw'
import ticketUpdate from '@/content/lab/ticket/update.ts?raw'
import updateAuth from '@/content/lab/update/auth.ts?raw'
import updateUpdate from '@/content/lab/update/update.ts?raw'
import responseAuth from '@/content/lab/response/auth.ts?raw'
import responseUpdate from '@/content/lab/response/update.ts?raw'
import { compile } from '@/lab/compile'
import { runLab } from '@/lab/run'
import type { PresetId } from '@/lab/preset-ids'

function compiled(auth: string, update: string) {
  const [a, u] = [compile('auth.ts', auth), compile('update.ts', update)]
  if (!a.ok || !u.ok) throw new Error('the preset does not compile')
  return { auth: a.code, update: u.code }
}
const run = (preset: PresetId, auth: string, update: string) => runLab({ preset, compiled: compiled(auth, update) })

describe('each preset, compiled as the reader would edit it', () => {
  test('naive: the update completes onboarding, and the anonymous attacker is let in as admin', async () => {
    const result = await run('naive', naiveAuth, naiveUpdate)
    expect(result.before.claims).toMatchObject({ sub: 'user-0042', onboardingStep: 'INITIAL', role: 'reader' })
    expect(result.after.claims).toMatchObject({ sub: 'user-0042', onboardingStep: 'COMPLETED' })
    expect(result.session?.user).toMatchObject({ onboardingStep: 'COMPLETED' })
    expect(result.after.cookie?.value.split('.')).toHaveLength(5) // a compact JWE
    expect(result.attack).toMatchObject({ letIn: true, claims: { sub: 'admin-0001', role: 'admin' } })
  })

  test("naive, made to refuse (the lab's exercise): a refused sign-in is a result, not an error", async () => {
    const refusing = naiveAuth.replace('async authorize(credentials) {', 'async authorize(credentials) {\n        if (true) return null')
    expect(refusing).not.toBe(naiveAuth)
    const result = await run('naive', refusing, naiveUpdate)
    expect(result.errors).toEqual([])
    expect(result.refused).toEqual(['CredentialsSignin'])
    expect(result.after.claims).toMatchObject({ sub: 'user-0042', onboardingStep: 'INITIAL' })
    expect(result.attack).toMatchObject({ letIn: false, errors: [] })
    expect(result.attack.detail).toMatch(/^Refused: no session minted for admin-0001 \(CredentialsSignin\)\.$/)
  })

  test("an error thrown in the reader's authorize names auth.ts, its line, and Auth.js's error by its type, not a minified class", async () => {
    const throwing = naiveAuth.replace('async authorize(credentials) {', "async authorize(credentials) {\n        throw new Error('no sign-ins today')")
    const line = throwing.split('\n').findIndex((l) => l.includes('no sign-ins today')) + 1
    const result = await run('naive', throwing, naiveUpdate)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatchObject({ file: 'auth.ts', line, message: 'CallbackRouteError (Auth.js) ← Error: no sign-ins today' })
  })

  test('ticket: the signed ticket updates the session; forged user JSON and an alg-none ticket are refused', async () => {
    const result = await run('ticket', ticketAuth, ticketUpdate)
    expect(result.after.claims).toMatchObject({ sub: 'user-0042', onboardingStep: 'COMPLETED', ver: 2 })
    expect(result.errors).toEqual([])
    expect(result.attack.letIn).toBe(false)
    expect(result.attack.claims).toBeNull()
    expect(result.attack.errors[0]).toMatchObject({ file: 'auth.ts', message: expect.stringContaining('No current session') })
  })

  test('update(): the jwt callback takes the step once the row agrees, and never a role from the client', async () => {
    const greedy = updateUpdate.replace("{ onboardingStep: 'COMPLETED' }", "{ onboardingStep: 'COMPLETED', role: 'admin' }")
    expect(greedy).not.toBe(updateUpdate)
    const result = await run('update', updateAuth, greedy)
    expect(result.after.claims).toMatchObject({ onboardingStep: 'COMPLETED', role: 'reader' })
    expect(result.attack).toMatchObject({ letIn: false, detail: expect.stringContaining('Configuration') })
    expect(result.attack.errors[0].message).toContain('Provider with id "session-update" not found')
  })

  test('in the response: the mutation re-issues the session in process, with no browser request to Auth.js', async () => {
    const result = await run('response', responseAuth, responseUpdate)
    expect(result.before.claims).toMatchObject({ sub: 'user-0042', onboardingStep: 'INITIAL' })
    expect(result.after.claims).toMatchObject({ sub: 'user-0042', onboardingStep: 'COMPLETED', role: 'reader' })
    expect(result.errors).toEqual([])
    // What the update added: one POST /auth/session made by the server (CSRF check skipped, as unstable_update).
    const afterSignIn = result.exchanges.slice(result.exchanges.findIndex((e) => e.path === '/auth/session' && e.method === 'POST'))
    expect(afterSignIn.filter((e) => !e.inProcess && e.method === 'POST')).toEqual([])
    expect(result.exchanges.filter((e) => e.inProcess)).toEqual([{ method: 'POST', path: '/auth/session', status: 200, inProcess: true }])
  })

  test('the unedited preset, bundled, gives the same claims as the compiled one', async () => {
    const bundled = await runLab({ preset: 'ticket' })
    const edited = await run('ticket', ticketAuth, ticketUpdate)
    const stable = ({ iat, exp, jti, ...claims }: Record<string, unknown>) => claims
    expect(stable(bundled.after.claims!)).toEqual(stable(edited.after.claims!))
  })
})

describe('the reader’s changes and mistakes', () => {
  test('a claim added in the jwt callback appears in the token after', async () => {
    const auth = naiveAuth.replace('token.role = user.role', "token.role = user.role\n        token.plan = 'pro'")
    const result = await run('naive', auth, naiveUpdate)
    expect(result.before.claims?.plan).toBe('pro')
    expect(result.after.claims?.plan).toBe('pro')
  })

  test('an error thrown in a callback is reported with its file and line', async () => {
    const auth = naiveAuth.replace('token.role = user.role', "throw new Error('boom')")
    const line = auth.split('\n').findIndex((text) => text.includes("throw new Error('boom')")) + 1
    const result = await run('naive', auth, naiveUpdate)
    expect(result.errors[0]).toMatchObject({ file: 'auth.ts', line, message: expect.stringContaining('Error: boom') })
    expect(result.before.claims).toBeNull()
  })

  test('an error thrown by the update code is reported in update.ts', async () => {
    const update = naiveUpdate.replace('await api.completeOnboarding()', 'await (null as any).completeOnboarding()')
    const result = await run('naive', naiveAuth, update)
    expect(result.errors[0]).toMatchObject({ file: 'update.ts', line: 5, message: expect.stringContaining('TypeError') })
    expect(result.after.claims).toEqual(result.before.claims)
  })

  test('a missing default export is explained', async () => {
    await expect(run('naive', naiveAuth.replace('export default', 'export const config ='), naiveUpdate)).rejects.toThrow(
      /auth\.ts must `export default`/,
    )
  })
})
