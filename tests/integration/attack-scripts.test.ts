// The curl scripts the attack lab shows are run here as they are, with bash, against a real server.
import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../support/server'

const run = promisify(execFile)
let server: TestServer

async function script(name: string) {
  const { stdout } = await run('bash', [resolve(__dirname, '../../content/attack', name)], {
    env: { ...process.env, BASE: server.url },
  })
  return stdout.trim().split('\n')
}

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server?.stop({ clean: true })
})

describe('content/attack scripts', () => {
  it('naive-provider.sh: an anonymous caller becomes admin-0001 with role admin', async () => {
    const [user] = await script('naive-provider.sh')
    expect(JSON.parse(user)).toMatchObject({ id: 'admin-0001', role: 'admin', onboardingStep: 'COMPLETED' })
  })

  it('forged-ticket.sh: the hardened provider answers 401 and the session stays a reader', async () => {
    const [refusal, user] = await script('forged-ticket.sh')
    expect(decodeURIComponent(refusal)).toMatch(/error=The ticket uses an algorithm that is not allowed\..* HTTP 401$/)
    expect(JSON.parse(user)).toMatchObject({ name: 'Mallory', role: 'reader', onboardingStep: 'INITIAL' })
  })

  it('forged-update.sh: update() with forged data changes nothing', async () => {
    const [user] = await script('forged-update.sh')
    const parsed = JSON.parse(user)
    expect(parsed).toMatchObject({ name: 'Mallory', role: 'reader', onboardingStep: 'INITIAL' })
    expect(parsed.id).not.toBe('admin-0001')
  })

  it('forged-response.sh: the one-request update refuses claims in the body (400) and the session stays a reader', async () => {
    const [status, user] = await script('forged-response.sh')
    expect(status).toBe('400')
    const parsed = JSON.parse(user)
    expect(parsed).toMatchObject({ name: 'Mallory', role: 'reader', onboardingStep: 'INITIAL' })
    expect(parsed.id).not.toBe('admin-0001')
  })
})
