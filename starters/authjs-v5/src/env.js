// Every setting the app reads, validated once (create-t3-app's src/env.js). The values come from the environment
// and Next's .env* files (the environment wins; scripts/serve.mjs loads the files the same way before it calls
// this, so `npm start` refuses bad settings before Next starts, with one line naming the variable).
import { createEnv } from '@t3-oss/env-nextjs'
import { z } from 'zod'

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

/**
 * Whether Auth.js may take the public origin from the request's Host / X-Forwarded-Host and X-Forwarded-Proto.
 * The same inputs as @auth/core's own default (lib/utils/env.js setEnvDefaults: AUTH_URL, AUTH_TRUST_HOST, VERCEL,
 * development), except that AUTH_TRUST_HOST=false means false (Auth.js's default trusts any non-empty value).
 * @param {{ AUTH_TRUST_HOST?: boolean, VERCEL?: string, AUTH_URL?: string, NODE_ENV: string }} e
 */
export function hostTrusted(e) {
  if (e.AUTH_TRUST_HOST !== undefined) return e.AUTH_TRUST_HOST
  return e.VERCEL === '1' || Boolean(e.AUTH_URL) || e.NODE_ENV !== 'production'
}

/** What to tell the operator about each variable: the refusal is one line, `Refusing to start: …`. */
const HOW = {
  AUTH_SECRET: 'is not set. Set AUTH_SECRET in .env.local or the environment (make one with `openssl rand -base64 33`).',
  AUTH_URL:
    'is not set. Set AUTH_URL to the public URL (e.g. AUTH_URL=https://app.example.com) in .env.local or the environment, or AUTH_TRUST_HOST=true behind a proxy that sets X-Forwarded-Host and X-Forwarded-Proto (on Vercel, VERCEL=1 is set for you).',
  DATABASE_URL: 'is not a PostgreSQL URL. Set DATABASE_URL=postgres://user:password@host:5432/database, or unset it for the embedded database in DATA_DIR.',
  AUTH_TRUST_HOST: 'must be true or false.',
  DEV_SIGN_IN: 'must be 1 or 0.',
}

/** @param {readonly { path?: readonly (PropertyKey | { key: PropertyKey })[], message: string }[]} issues */
export function refusal(issues) {
  const issue = issues[0]
  const first = issue?.path?.[0]
  const name = String(typeof first === 'object' && first !== null ? first.key : first)
  return `Refusing to start: ${name} ${HOW[/** @type {keyof typeof HOW} */ (name)] ?? `is not valid (${issue?.message}).`}`
}

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    AUTH_SECRET: z.string().min(1).optional(),
    AUTH_URL: z.url({ protocol: /^https?$/ }).optional(),
    AUTH_TRUST_HOST: flag.optional(),
    VERCEL: z.string().optional(),
    AUTH_GITHUB_ID: z.string().optional(),
    AUTH_GITHUB_SECRET: z.string().optional(),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    DATA_DIR: z.string().default('.data'),
    DEV_SIGN_IN: z.enum(['0', '1']).optional(),
  },
  client: {},
  runtimeEnv: {
    NODE_ENV: process.env.NODE_ENV,
    AUTH_SECRET: process.env.AUTH_SECRET,
    AUTH_URL: process.env.AUTH_URL,
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST,
    VERCEL: process.env.VERCEL,
    AUTH_GITHUB_ID: process.env.AUTH_GITHUB_ID,
    AUTH_GITHUB_SECRET: process.env.AUTH_GITHUB_SECRET,
    DATABASE_URL: process.env.DATABASE_URL,
    DATA_DIR: process.env.DATA_DIR,
    DEV_SIGN_IN: process.env.DEV_SIGN_IN,
  },
  // Production needs a secret, and a public URL unless the host is trusted (otherwise Auth.js answers every
  // /api/auth request with 500 UntrustedHost).
  createFinalSchema: (shape) =>
    z.object(shape).superRefine((e, ctx) => {
      if (e.NODE_ENV !== 'production') return
      if (!e.AUTH_SECRET) ctx.addIssue({ code: 'custom', path: ['AUTH_SECRET'], message: 'required in production' })
      else if (!hostTrusted(e)) ctx.addIssue({ code: 'custom', path: ['AUTH_URL'], message: 'required in production' })
    }),
  onValidationError: (issues) => {
    throw new Error(refusal(issues))
  },
  // `next build` imports the server modules while collecting pages: a build needs no secret (settings are read
  // at start). SKIP_ENV_VALIDATION as in the template.
  skipValidation: !!process.env.SKIP_ENV_VALIDATION || process.env.NEXT_PHASE === 'phase-production-build',
  emptyStringAsUndefined: true,
})
