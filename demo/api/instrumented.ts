import type { ServerResponse } from 'node:http'
import type { NextApiHandler } from 'next'
import { withReadCounter } from '../db-reads'

/**
 * Wraps an API route so that every response says how many database reads it made
 * (`X-Db-Reads`, and `Server-Timing` so the browser's Resource Timing API can read it) and how long
 * the handler took until its headers (`Server-Timing: app;dur=`, summed per update by `npm run bench`),
 * and so that an unexpected error answers a plain 500 message, never a stack trace.
 */
export function instrumented(handler: NextApiHandler): NextApiHandler {
  return (req, res) =>
    withReadCounter(async (counter) => {
      const start = performance.now()
      const writeHead = res.writeHead as (...args: unknown[]) => ServerResponse
      res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
        this.setHeader('X-Db-Reads', String(counter.reads))
        const dur = (performance.now() - start).toFixed(2)
        this.setHeader('Server-Timing', `db-reads;desc="${counter.reads}", app;dur=${dur}`)
        return writeHead.apply(this, args)
      } as typeof res.writeHead
      try {
        await handler(req, res)
      } catch (error) {
        console.error(`[demo] ${req.method} ${req.url} failed`, error)
        if (!res.headersSent) res.status(500).json({ error: 'The server failed to handle this request.' })
      }
    })
}
