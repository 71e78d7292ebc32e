import type { AuthConfig } from '@auth/core'
import Credentials from '@auth/core/providers/credentials'
import type { Session } from '@auth/core/types'
import type { TokenView } from './protocol'
import type { LabClient } from '@/content/lab/client'
import { LAB_SECRET, issueTicket, resetLabServer, users } from '@/content/lab/server'
import { Visitor, type Exchange } from './visitor'

/** What the reader's two files export. */
export interface LabModules {
  auth: Omit<AuthConfig, 'secret'>
  update: (client: LabClient) => Promise<unknown> | unknown
}

export const DEMO_USER_ID = 'user-0042'
export const LAB_SIGN_IN = 'lab-sign-in'
const FORGED_USER = { id: 'admin-0001', name: 'Mallory', role: 'admin', onboardingStep: 'COMPLETED' }

export interface FlowResult {
  before: TokenView
  after: TokenView
  session: Session | null
  exchanges: Exchange[]
  /** What Auth.js logged as errors, and what the reader's update code threw. */
  errors: unknown[]
  /** Sign-ins a provider refused during the update (authorize returned null): a result, not an error. */
  refused: string[]
}

export interface AttackResult {
  letIn: boolean
  detail: string
  claims: Record<string, unknown> | null
  errors: unknown[]
}

/** Auth.js's name for "authorize returned null": the provider refused, which is an answer, not a fault in the code. */
const REFUSED = 'CredentialsSignin'
const isRefusal = (error: unknown) => (error as { type?: string } | null)?.type === REFUSED

/**
 * The reader's config, plus what the lab owns: the secret, and a sign-in as the demo user to start from. Auth.js logs
 * a refused credentials sign-in as an error; the lab counts it in `refused` instead.
 */
function labConfig(auth: LabModules['auth'], errors: unknown[], refused: string[] = []): AuthConfig {
  return {
    ...auth,
    secret: LAB_SECRET,
    trustHost: true,
    basePath: '/auth',
    session: { ...auth.session, strategy: 'jwt' },
    providers: [
      Credentials({ id: LAB_SIGN_IN, name: 'Lab sign-in', credentials: {}, authorize: () => users.find(DEMO_USER_ID) ?? null }),
      ...(auth.providers ?? []),
    ],
    logger: { error: (error) => (isRefusal(error) ? refused.push(REFUSED) : errors.push(error)), warn: () => {}, debug: () => {} },
  }
}

/** Sign in as the demo user, run the reader's update code after the mutation, and read the token on both sides. */
export async function runFlow(modules: LabModules): Promise<FlowResult> {
  resetLabServer()
  const errors: unknown[] = []
  const refused: string[] = []
  const visitor = new Visitor(labConfig(modules.auth, errors, refused))
  await visitor.signIn(LAB_SIGN_IN, { redirect: false })
  const before = await visitor.token()
  const client: LabClient = {
    signIn: visitor.signIn,
    update: visitor.update,
    api: {
      // The app's API knows the user from the session cookie, as a real route handler would.
      async completeOnboarding() {
        const { claims } = await visitor.token()
        if (!claims?.sub) throw new Error('Not signed in: the sign-in before the update failed, so the API cannot tell who you are.')
        const user = users.completeOnboarding(String(claims.sub))
        return { user, ticket: await issueTicket(user) }
      },
      async completeOnboardingAndUpdate() {
        const { claims } = await visitor.token()
        if (!claims?.sub) throw new Error('Not signed in: the sign-in before the update failed, so the API cannot tell who you are.')
        const user = users.completeOnboarding(String(claims.sub))
        await visitor.serverUpdate({})
        return { user }
      },
    },
  }
  try {
    await modules.update(client)
  } catch (error) {
    errors.push(error)
  }
  return { before, after: await visitor.token(), session: await visitor.session(), exchanges: visitor.exchanges, errors, refused }
}

/** An anonymous visitor posts a forged user and a forged ticket (alg none) to the session-update provider. */
export async function runAttack(auth: LabModules['auth']): Promise<AttackResult> {
  resetLabServer()
  const errors: unknown[] = []
  const mallory = new Visitor(labConfig(auth, errors))
  const result = await mallory.signIn('session-update', {
    redirect: false,
    user: JSON.stringify(FORGED_USER),
    ticket: unsignedTicket({ sub: FORGED_USER.id, ver: 99, aud: 'session-update', claims: FORGED_USER }),
  })
  const { claims } = await mallory.token()
  const letIn = claims?.sub === FORGED_USER.id || claims?.role === 'admin'
  const detail = letIn
    ? `Let in: the session now says user ${String(claims?.sub)}, role ${String(claims?.role)}.`
    : `Refused: no session minted for ${FORGED_USER.id} (${result.error ?? `HTTP ${result.status}`}).`
  return { letIn, detail, claims, errors }
}

function unsignedTicket(payload: object): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  return `${part({ alg: 'none', typ: 'session-update+jwt' })}.${part(payload)}.`
}
