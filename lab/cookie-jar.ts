import type { ResponseInternal } from '@auth/core/types'

type Cookie = NonNullable<ResponseInternal['cookies']>[number]

/** The browser's cookie store for one visitor, fed from Auth.js's raw responses (one origin, no paths). */
export class CookieJar {
  readonly #cookies = new Map<string, string>()

  apply(cookies: Cookie[] | undefined) {
    for (const { name, value, options } of cookies ?? []) {
      const expired = options?.maxAge === 0 || (options?.expires && new Date(options.expires).getTime() <= Date.now())
      if (expired || value === '') this.#cookies.delete(name)
      else this.#cookies.set(name, value)
    }
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  /** A value Auth.js may have split into `name.0`, `name.1`… when it outgrew one cookie. */
  chunked(name: string): { value: string; chunks: number } | null {
    if (this.#cookies.has(name)) return { value: this.#cookies.get(name)!, chunks: 1 }
    const parts = [...this.#cookies]
      .filter(([key]) => key.startsWith(`${name}.`))
      .sort(([a], [b]) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)))
    return parts.length ? { value: parts.map(([, value]) => value).join(''), chunks: parts.length } : null
  }
}
