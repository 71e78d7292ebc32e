import { signOut, useSession } from 'next-auth/react'
import type { ReactNode } from 'react'

export function Layout({ title, children }: { title: string; children: ReactNode }) {
  const { data: session } = useSession()
  return (
    <main>
      <header>
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src="/logo.png" alt="" width={32} height={32} />
        <h1>{title}</h1>
      </header>
      {children}
      {session && (
        <p>
          Signed in as <span data-testid="session-email">{session.user.email}</span>{' '}
          <button type="button" data-testid="sign-out" onClick={() => signOut({ callbackUrl: '/signin' })}>
            Sign out
          </button>
        </p>
      )}
    </main>
  )
}
