import { Auth, raw, skipCSRFCheck, type AuthConfig } from '@auth/core'
import { decode } from '@auth/core/jwt'
import type { Session } from '@auth/core/types'
import type { TokenView } from './protocol'
import type { SignInResult } from '@/content/lab/client'
import { LAB_SECRET, SESSION_COOKIE } from '@/content/lab/server'
import { CookieJar } from './cookie-jar'

const ORIGIN = 'http://lab.localhost'

/** One request the visitor made, for the lab's request log. */
export interface Exchange {
  method: 'GET' | 'POST'
  path: string
  status: number
  error?: string
  /** Made by the server inside the mutation (unstable_update), not by the browser: it costs no round trip. */
  inProcess?: true
}

interface Answer {
  status: number
  body: unknown
  redirect?: string
  error?: Error & { type?: string }
}

/**
 * A browser talking to Auth.js: its own cookie jar, and requests handed straight to `Auth()` in raw mode,
 * which returns cookies as data instead of `set-cookie` headers a browser Response would drop.
 */
export class Visitor {
  readonly jar = new CookieJar()
  readonly exchanges: Exchange[] = []
  readonly #config: AuthConfig

  constructor(config: AuthConfig) {
    this.#config = { ...config, raw } as AuthConfig
  }

  async call(method: Exchange['method'], path: string, body?: { form?: Record<string, string>; json?: unknown }, inProcess = false): Promise<Answer> {
    const headers = new Headers({ cookie: this.jar.header() })
    let payload: string | undefined
    if (body?.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded')
      payload = new URLSearchParams(body.form).toString()
    } else if (body?.json !== undefined) {
      headers.set('content-type', 'application/json')
      payload = JSON.stringify(body.json)
    }
    const request = new Request(`${ORIGIN}/auth/${path}`, { method, headers, body: payload })
    const answer = await this.#send(request, inProcess ? { skipCSRFCheck } : {})
    this.exchanges.push({
      method,
      path: `/auth/${path}`,
      status: answer.status,
      error: answer.error?.type ?? answer.error?.name,
      ...(inProcess && { inProcess: true as const }),
    })
    return answer
  }

  async #send(request: Request, extra: Partial<AuthConfig> = {}): Promise<Answer> {
    try {
      const res = (await Auth(request, { ...this.#config, ...extra } as AuthConfig)) as unknown
      // Errors other than Auth.js's own come back as a plain Response (JSON, or a redirect), even in raw mode.
      if (res instanceof Response) {
        return { status: res.status, body: await res.json().catch(() => null), redirect: res.headers.get('location') ?? undefined }
      }
      const internal = res as { status?: number; body?: unknown; redirect?: string; cookies?: Parameters<CookieJar['apply']>[0] }
      this.jar.apply(internal.cookies)
      return { status: internal.redirect ? 302 : (internal.status ?? 200), body: internal.body, redirect: internal.redirect }
    } catch (error) {
      // In raw mode Auth.js throws its errors instead of redirecting to its error page.
      return { status: 401, body: null, error: error as Answer['error'] }
    }
  }

  async csrfToken(): Promise<string> {
    const { body } = await this.call('GET', 'csrf')
    return (body as { csrfToken: string }).csrfToken
  }

  /** As next-auth/react's signIn with `redirect: false`: the fields go as a form, with the CSRF token. */
  signIn = async (provider: string, options: Record<string, unknown> = {}): Promise<SignInResult> => {
    const { redirect: _redirect, ...fields } = options
    const form = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value)]))
    const csrfToken = await this.csrfToken()
    const { status, error, redirect } = await this.call('POST', `callback/${provider}`, { form: { ...form, csrfToken, callbackUrl: ORIGIN } })
    // Some refusals are thrown, others are a redirect to the error page, as the real client sees them.
    const failure = error?.type ?? error?.name ?? (redirect && new URL(redirect, ORIGIN).searchParams.get('error'))
    return { ok: !failure && status < 400, status, ...(failure && { error: failure }) }
  }

  /** As useSession().update: the data reaches the jwt callback as `session`, with trigger "update". */
  update = async (data?: unknown): Promise<Session | null> => {
    const csrfToken = await this.csrfToken()
    const { body } = await this.call('POST', 'session', { json: { csrfToken, data } })
    return (body as Session | null) ?? null
  }

  /**
   * As v5's `unstable_update(data)` inside the mutation (next-auth lib/actions.js `update`): the same POST to the
   * session endpoint, made by the server with the caller's cookies, CSRF check skipped, and its cookies set on the
   * mutation's response. No browser request.
   */
  serverUpdate = async (data?: unknown): Promise<Session | null> => {
    const { body } = await this.call('POST', 'session', { json: { data } }, true)
    return (body as Session | null) ?? null
  }

  /** The session the app would see: what GET /auth/session answers. */
  async session(): Promise<Session | null> {
    const { body } = await this.call('GET', 'session')
    return body && Object.keys(body).length ? (body as Session) : null
  }

  /** The session cookie as the jar holds it, decoded with the secret only the server has. */
  async token(): Promise<TokenView> {
    const cookie = this.jar.chunked(SESSION_COOKIE)
    if (!cookie) return { signedIn: false, claims: null, cookie: null }
    const claims = await decode({ token: cookie.value, secret: LAB_SECRET, salt: SESSION_COOKIE })
    return {
      signedIn: Boolean(claims),
      claims: claims as Record<string, unknown> | null,
      cookie: { name: SESSION_COOKIE, value: cookie.value, bytes: cookie.value.length, chunks: cookie.chunks },
    }
  }
}
