import * as authCore from '@auth/core'
import * as authErrors from '@auth/core/errors'
import * as authJwt from '@auth/core/jwt'
import * as credentials from '@auth/core/providers/credentials'
import * as jose from 'jose'
import * as server from '@/content/lab/server'
import { SOURCE_PREFIX, type CodeError } from './code-error'
import type { LabModules } from './flow'

// CommonJS interop (sucrase's `_interopRequireDefault`) reads `default` only from objects marked as ES modules.
const esModule = (namespace: object) => ({ __esModule: true, ...namespace })

/** What the reader's files may import: the engine, jose, and the lab's server. */
const IMPORTABLE: Record<string, object> = {
  '@auth/core': esModule(authCore),
  '@auth/core/errors': esModule(authErrors),
  '@auth/core/jwt': esModule(authJwt),
  '@auth/core/providers/credentials': esModule(credentials),
  jose: esModule(jose),
  '../server': esModule(server),
  '../client': esModule({}), // types only
}

export class CodeFailure extends Error {
  constructor(readonly detail: CodeError) {
    super(detail.message)
  }
}

/** Runs compiled CommonJS files in order; a later file may import an earlier one (`./auth`). */
export function evaluate(files: { auth: string; update: string }): LabModules {
  const loaded: Record<string, Record<string, unknown>> = {}
  for (const [name, code] of Object.entries(files)) {
    const module = { exports: {} as Record<string, unknown> }
    const require = (id: string) => {
      const local = loaded[id.replace(/^\.\//, '')]
      if (id in IMPORTABLE) return IMPORTABLE[id]
      if (local) return local
      throw new Error(`The lab cannot import "${id}": it offers ${Object.keys(IMPORTABLE).join(', ')} and ./auth.`)
    }
    // new Function, not eval: the code sees only these three names, and the sourceURL names it in stack traces.
    // The sandbox frame's CSP, which this worker inherits, allows it with 'unsafe-eval' (security/headers.mjs).
    const run = new Function('require', 'module', 'exports', `${code}\n//# sourceURL=${SOURCE_PREFIX}${name}.ts`)
    run(require, module, module.exports)
    loaded[name] = module.exports
  }
  const auth = loaded.auth.default
  const update = loaded.update.default
  if (!auth || typeof auth !== 'object') throw new CodeFailure({ file: 'auth.ts', message: 'auth.ts must `export default` the Auth.js config object.' })
  if (typeof update !== 'function') throw new CodeFailure({ file: 'update.ts', message: 'update.ts must `export default` an async function.' })
  return { auth: auth as LabModules['auth'], update: update as LabModules['update'] }
}
