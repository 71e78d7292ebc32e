// next-auth's route handlers take the origin from the request's URL (@auth/core lib/utils/web.js:24), and Next 16
// builds that URL from the address it listens on (`https://localhost:3000` behind a proxy), not from the Host /
// X-Forwarded-Host the proxy sent; next-auth replaces it only with AUTH_URL (lib/env.js:5-12 reqWithEnvURL). Where
// the host is trusted and AUTH_URL is unset, hand the handlers the public origin the way auth() already derives it
// (@auth/core createActionURL: X-Forwarded-Host or Host, X-Forwarded-Proto), or its redirects point at localhost.
import { createActionURL } from '@auth/core'
import { NextRequest } from 'next/server'
import { env, hostTrusted } from '~/env'

export function publicRequest(req: NextRequest): NextRequest {
  if (env.AUTH_URL || !hostTrusted(env)) return req
  const origin = createActionURL('session', req.headers.get('x-forwarded-proto') as string, req.headers, {}, { basePath: '/api/auth' } as never).origin
  if (origin === req.nextUrl.origin) return req
  return new NextRequest(req.nextUrl.href.replace(req.nextUrl.origin, origin), req)
}
