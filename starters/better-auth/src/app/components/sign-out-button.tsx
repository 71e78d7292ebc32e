'use client'
import { useRouter } from 'next/navigation'
import { authClient } from '~/server/better-auth/client'

export function SignOutButton() {
  const router = useRouter()
  return (
    <button
      type="button"
      data-testid="sign-out"
      onClick={async () => {
        await authClient.signOut()
        router.push('/signin')
        router.refresh()
      }}
    >
      Sign out
    </button>
  )
}
