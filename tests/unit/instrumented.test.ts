// demo/api/instrumented.ts: an unexpected error is a plain 500 message, never a stack trace; every answer
// carries its read count and handler time.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { apiResolver } from 'next/dist/server/api-utils/node/api-resolver'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { instrumented } from '@/demo/api/instrumented'
import { countRead } from '@/demo/db-reads'

async function serve(handler: ReturnType<typeof instrumented>) {
  const server = createServer((req, res) => void apiResolver(req, res, {}, { default: handler }, {} as never, false, false, '/x'))
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`
  try {
    return await fetch(url)
  } finally {
    server.close()
  }
}
afterEach(() => vi.restoreAllMocks())

describe('instrumented', () => {
  it('answers an unexpected error with a plain 500 message and logs it on the server', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const res = await serve(instrumented(async () => {
      throw new Error('secret detail')
    }))
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual({ error: 'The server failed to handle this request.' })
    expect(log).toHaveBeenCalledWith('[demo] GET /x failed', expect.any(Error))
  })

  it('leaves an answer already started as it is', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const res = await serve(instrumented(async (_req, res) => {
      res.status(202).json({ ok: true })
      throw new Error('after the answer')
    }))
    expect(res.status).toBe(202)
    expect(await res.json()).toEqual({ ok: true })
  })

  it('counts the reads the handler made', async () => {
    const res = await serve(instrumented(async (_req, res) => {
      countRead()
      countRead()
      res.status(200).json({})
    }))
    expect(res.headers.get('x-db-reads')).toBe('2')
    expect(res.headers.get('server-timing')).toMatch(/^db-reads;desc="2", app;dur=\d+\.\d{2}$/)
  })
})
