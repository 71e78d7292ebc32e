import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parse } from 'cookie'
import NextAuth, { type AuthOptions } from 'next-auth'

// next-auth v4's own API-route handler, served over HTTP with just what Next.js would add to
// req and res. Tests then talk to it as a browser does: csrf, callback, session, with cookies.
type ApiRoute = (req: never, res: never) => unknown

/** `routes`: other API routes (by path) served beside /api/auth, as pages/api/* would be. */
export async function serveAuth(options: AuthOptions, routes: Record<string, ApiRoute> = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const route = routes[url.pathname]
    if (route) {
      const apiReq = Object.assign(req, { query: Object.fromEntries(url.searchParams), cookies: parse(req.headers.cookie ?? ''), body: await readBody(req) })
      return void (await route(apiReq as never, withApiHelpers(res) as never))
    }
    const nextauth = url.pathname.replace(/^\/api\/auth\/?/, '').split('/').filter(Boolean)
    const apiReq = Object.assign(req, {
      query: { ...Object.fromEntries(url.searchParams), nextauth },
      cookies: parse(req.headers.cookie ?? ''),
      body: await readBody(req),
    })
    await NextAuth(apiReq as never, withApiHelpers(res) as never, options)
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const url = `http://localhost:${(server.address() as AddressInfo).port}`
  // next-auth builds its redirects and the client its requests from NEXTAUTH_URL.
  process.env.NEXTAUTH_URL = url
  return { url, close: () => new Promise<void>((done) => server.close(() => done())) }
}

async function readBody(req: IncomingMessage) {
  let text = ''
  for await (const chunk of req) text += chunk
  if (!text) return {}
  const json = req.headers['content-type']?.includes('application/json')
  return json ? JSON.parse(text) : Object.fromEntries(new URLSearchParams(text))
}

function withApiHelpers(res: ServerResponse) {
  return Object.assign(res, {
    status(code: number) {
      res.statusCode = code
      return res
    },
    json(body: unknown) {
      res.setHeader('Content-Type', 'application/json')
      res.end(JSON.stringify(body))
    },
    send(body: unknown) {
      if (typeof body === 'object' && body !== null) return this.json(body)
      res.end(body === undefined ? undefined : String(body))
    },
  })
}
