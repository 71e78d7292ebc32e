// Every setting the app reads, validated once (create-t3-app's @t3-oss/env-nextjs). scripts/serve.mjs imports this
// before Next starts, so a bad value stops `npm start` / `npm run dev` with the variable's name, not a 500 later.
import { createEnv } from '@t3-oss/env-nextjs'
import { z } from 'zod'

export const env = createEnv({
  server: {
    // Required in production (scripts/serve.mjs refuses to start without it); development generates one.
    BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional(),
    // The public URL; `https://` gives __Secure- cookies. Unset only when the host is trusted.
    BETTER_AUTH_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    BETTER_AUTH_GITHUB_CLIENT_ID: z.string().optional(),
    BETTER_AUTH_GITHUB_CLIENT_SECRET: z.string().optional(),
    // A PostgreSQL server; unset: PGlite in $DATA_DIR/pglite.
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
    DATA_DIR: z.string().optional(),
    // How long the cookie cache may answer without the database: the gate's revocation window (README).
    SESSION_CACHE_MAX_AGE: z.coerce.number().int('must be whole seconds').min(1).max(3600).default(60),
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  },
  client: {},
  runtimeEnv: {
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET,
    BETTER_AUTH_URL: process.env.BETTER_AUTH_URL,
    BETTER_AUTH_GITHUB_CLIENT_ID: process.env.BETTER_AUTH_GITHUB_CLIENT_ID,
    BETTER_AUTH_GITHUB_CLIENT_SECRET: process.env.BETTER_AUTH_GITHUB_CLIENT_SECRET,
    DATABASE_URL: process.env.DATABASE_URL,
    DATA_DIR: process.env.DATA_DIR,
    SESSION_CACHE_MAX_AGE: process.env.SESSION_CACHE_MAX_AGE,
    NODE_ENV: process.env.NODE_ENV,
  },
  emptyStringAsUndefined: true,
})
