// A fetch-style handler (Auth.js's Auth() as content/v5/testing/auth-fetch.ts wraps it) served over real HTTP on
// loopback, so a browser can talk to it: Node's request in, the handler's Response (every Set-Cookie line) out.
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

export async function serveFetch(handle: (request: Request) => Promise<Response>) {
  const server = createServer(async (req, res) => {
    const response = await handle(await toRequest(req, `http://localhost:${port}`))
    const headers = [...response.headers].filter(([name]) => name !== 'set-cookie')
    res.writeHead(response.status, [...headers.flat(), ...response.headers.getSetCookie().flatMap((line) => ['set-cookie', line])])
    res.end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const port = (server.address() as AddressInfo).port
  return { url: `http://localhost:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) }
}

async function toRequest(req: IncomingMessage, origin: string) {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks)
  return new Request(new URL(req.url ?? '/', origin), { method: req.method, headers, body })
}
