/**
 * Browsers drop `cookie` from a Request's headers (a forbidden header name), so Auth.js would never see the
 * session it must update, in our requests or in the Request it rebuilds for `authorize`. A worker of our own
 * runs no network code, so it may replace Request with one whose headers are a plain Headers object, which
 * keeps every name. Node's Request keeps them already; the shim changes nothing there.
 */
export function installRequestShim() {
  const NativeRequest = globalThis.Request
  if ((NativeRequest as { labShim?: boolean }).labShim) return
  class LabRequest extends NativeRequest {
    static labShim = true
    readonly #headers: Headers
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(input, init)
      this.#headers = new Headers(init?.headers ?? (input instanceof NativeRequest ? input.headers : undefined))
    }
    get headers() {
      return this.#headers
    }
  }
  globalThis.Request = LabRequest
}
