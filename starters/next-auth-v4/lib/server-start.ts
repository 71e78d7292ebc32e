// What the server does once at start (instrumentation.ts): refuse bad production settings, then open the
// database and apply the migrations, so the first request does not pay for them.
import { database } from './db'
import { productionRefusal } from './runtime-config.mjs'

export async function serverStart() {
  // `npm start` refused already (scripts/serve.mjs); this covers a bare `next start`.
  const refusal = process.env.NODE_ENV === 'production' ? productionRefusal() : null
  if (refusal) {
    console.error(refusal)
    process.exit(1)
  }
  await database()
}
