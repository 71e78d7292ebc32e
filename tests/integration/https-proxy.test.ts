// The TLS proxy the https tests run behind (tests/support/https-proxy.ts): a real nginx, forwarding what a
// production proxy must, checked against a plain server that echoes the request it got. No build needed.
import { createServer, type Server } from 'node:http'
import { request } from 'node:https'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasNginx, startHttpsProxy, type HttpsProxy } from '../support/https-proxy'
import { freePort } from '../support/server'

let upstream: Server
let proxy: HttpsProxy

beforeAll(async () => {
  if (!hasNginx) return
  upstream = createServer((req, res) => {
    // Many cookies on one answer, as next-auth sends at sign-in: nginx must pass them all.
    res.setHeader('Set-Cookie', Array.from({ length: 6 }, (_, i) => `c${i}=${'v'.repeat(900)}; Path=/; Secure; HttpOnly`))
    res.setHeader('Content-Type', 'application/json')
    res.end(JSON.stringify({ url: req.url, method: req.method, headers: req.headers }))
  })
  await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done))
  proxy = await startHttpsProxy(await freePort(), (upstream.address() as AddressInfo).port)
})
afterAll(async () => {
  await proxy?.close()
  await new Promise((done) => upstream?.close(done))
})

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; cookies: string[]; body: any; cert: string }>((done, fail) => {
    const req = request(`${proxy.url}${path}`, { rejectUnauthorized: false, headers }, (res) => {
      let text = ''
      const cert = (res.socket as import('node:tls').TLSSocket).getPeerCertificate().subjectaltname ?? ''
      res.on('data', (d) => (text += d))
      res.on('end', () => done({ status: res.statusCode!, cookies: res.headers['set-cookie'] ?? [], body: JSON.parse(text), cert }))
    })
    req.on('error', fail)
    req.end()
  })
}

describe.skipIf(!hasNginx)('nginx TLS proxy', () => {
  it('terminates TLS with the test certificate and forwards Host, X-Forwarded-Host, -Proto and -For', async () => {
    const reply = await get('/some/path?q=1', { 'x-forwarded-for': '203.0.113.9' })
    expect(reply.status).toBe(200)
    expect(reply.cert).toContain('DNS:localhost')
    expect(reply.body.url).toBe('/some/path?q=1')
    expect(reply.body.headers).toMatchObject({
      host: `localhost:${proxy.port}`,
      'x-forwarded-host': `localhost:${proxy.port}`,
      'x-forwarded-proto': 'https',
      // nginx appends the client's address to what the client claimed: the last entry is the real one.
      'x-forwarded-for': '203.0.113.9, 127.0.0.1',
    })
    expect(reply.cookies).toHaveLength(6)
  })

  it('overrides a client-sent X-Forwarded-Proto', async () => {
    const reply = await get('/', { 'x-forwarded-proto': 'http' })
    expect(reply.body.headers['x-forwarded-proto']).toBe('https')
  })
})
