// Runs next-auth's browser client (next-auth/react) in Node as a browser would: same origin, the
// cookies of one Client jar sent and stored on every fetch. The server and next-auth are the real ones.
import { Client } from '../../support/client'

export async function asBrowser<T>(origin: string, client: Client, work: () => Promise<T>): Promise<T> {
  const realFetch = globalThis.fetch
  const g = globalThis as unknown as { window?: unknown }
  const hadWindow = 'window' in g
  g.window = { location: { href: `${origin}/onboarding` }, addEventListener() {}, removeEventListener() {} }
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), origin)
    const reply = await client.request(url.pathname + url.search, { method: init?.method, headers: init?.headers, body: init?.body })
    return new Response(reply.text, { status: reply.status, headers: reply.headers })
  }
  try {
    return await work()
  } finally {
    globalThis.fetch = realFetch
    if (!hadWindow) delete g.window
  }
}
