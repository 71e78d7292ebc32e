// next-auth 4's own Pages API handler, called in process with a request as Next would hand it over (query,
// cookies, headers, body) and a response that records what it sets. No server, no mock of next-auth.
import { parse } from 'cookie'
import NextAuth, { type AuthOptions } from 'next-auth'

export async function callNextAuth(options: AuthOptions, request: { path: string; method?: string; headers?: Record<string, string | undefined>; body?: Record<string, string> }) {
  const headers: Record<string, string | undefined> = { host: 'localhost:3000', ...request.headers }
  const req = {
    method: request.method ?? 'GET',
    url: `/api/auth/${request.path}`,
    query: { nextauth: request.path.split('/') },
    headers,
    cookies: parse(headers.cookie ?? ''),
    body: request.body ?? {},
  }
  const sent: { status: number; headers: Record<string, string | string[]>; body?: unknown } = { status: 200, headers: {} }
  const res = {
    status(code: number) {
      sent.status = code
      return res
    },
    setHeader(name: string, value: string | string[]) {
      sent.headers[name.toLowerCase()] = value
      return res
    },
    getHeader: (name: string) => sent.headers[name.toLowerCase()],
    json(body: unknown) {
      sent.body = body
    },
    send(body: unknown) {
      sent.body = body
    },
    end() {},
  }
  await NextAuth(req as never, res as never, options)
  const setCookie = sent.headers['set-cookie'] ?? []
  return { ...sent, setCookies: (Array.isArray(setCookie) ? setCookie : [setCookie]).map((line) => line.split('=')[0]) }
}
