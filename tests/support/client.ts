// A browser-like HTTP client with a cookie jar, for driving next-auth's real handler over HTTP.
export interface Reply {
  status: number
  headers: Headers
  text: string
  json: any
  location: string | null
}

export class Client {
  readonly jar = new Map<string, string>()
  /** Every request this client made, in order: load tests check the statuses, the bench the sequence. */
  readonly log: { method: string; path: string; status: number }[] = []
  // The fetch is captured at construction, so a test may stand in for window.fetch with this client.
  constructor(
    readonly base: string,
    private readonly fetch: typeof globalThis.fetch = globalThis.fetch,
  ) {}

  cookieHeader() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async request(path: string, init: RequestInit & { form?: Record<string, string>; body_json?: unknown } = {}): Promise<Reply> {
    const headers = new Headers(init.headers)
    if (this.jar.size) headers.set('cookie', this.cookieHeader())
    let body = init.body
    if (init.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded')
      body = new URLSearchParams(init.form).toString()
    }
    if (init.body_json !== undefined) {
      headers.set('content-type', 'application/json')
      body = JSON.stringify(init.body_json)
    }
    const res = await this.fetch(this.base + path, { ...init, headers, body, redirect: 'manual' })
    this.log.push({ method: init.method ?? 'GET', path: new URL(path, this.base).pathname, status: res.status })
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=thu, 01 jan 1970/i.test(a))
      if (expired || value === '') this.jar.delete(name)
      else this.jar.set(name, value)
    }
    const text = await res.text()
    let json: unknown = undefined
    try {
      json = JSON.parse(text)
    } catch {
      // not JSON
    }
    const location = res.headers.get('location')
    return { status: res.status, headers: res.headers, text, json, location: location && new URL(location, this.base).href }
  }

  async csrf(): Promise<string> {
    return (await this.request('/api/auth/csrf')).json.csrfToken
  }

  /** POST /api/auth/callback/<provider> as next-auth/react's signIn does (json=true). */
  async callback(provider: string, fields: Record<string, string>): Promise<Reply & { error: string | null }> {
    const csrfToken = await this.csrf()
    const reply = await this.request(`/api/auth/callback/${provider}`, { method: 'POST', form: { ...fields, csrfToken, json: 'true' } })
    const url = reply.json?.url as string | undefined
    return { ...reply, error: url ? new URL(url).searchParams.get('error') : null }
  }

  async signInGuest(name = 'Ada') {
    const reply = await this.callback('demo', { name })
    if (reply.status !== 200) throw new Error(`guest sign-in failed: ${reply.status} ${reply.text}`)
    return reply
  }

  /** What update(data) sends: POST /api/auth/session with { csrfToken, data }. */
  async update(data?: unknown) {
    const csrfToken = await this.csrf()
    return this.request('/api/auth/session', { method: 'POST', body_json: { csrfToken, data } })
  }

  async session() {
    return (await this.request('/api/auth/session')).json
  }

  async claims(): Promise<Record<string, any> | null> {
    return (await this.request('/api/demo/token')).json.claims
  }

  complete(body: unknown = {}) {
    return this.request('/api/demo/onboarding/complete', { method: 'POST', body_json: body })
  }

  reset() {
    return this.request('/api/demo/onboarding/reset', { method: 'POST', body_json: {} })
  }
}
