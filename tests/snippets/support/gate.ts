// Runs a snippet's middleware on one request and says where it sends it: a pathname, or 'through'.
import { NextRequest } from 'next/server'

type Middleware = (req: NextRequest, event: never) => unknown

export async function gate(middleware: Middleware, url: string, headers: Record<string, string> = {}) {
  const res = (await middleware(new NextRequest(url, { headers }), {} as never)) as Response | null | undefined
  const location = res?.headers.get('location')
  return location ? new URL(location).pathname : 'through'
}
