// next-auth v4's own error codes (core/index.js:209 for the sign-in ones, plus Configuration, AccessDenied,
// Verification and Default from its error page, core/pages/error.js). The only values the error route
// passes on and the sign-in page names; anything else is somebody's text, never shown.
export const AUTH_ERROR_MESSAGES: Record<string, string> = {
  Signin: 'Sign-in could not start.',
  OAuthSignin: 'GitHub sign-in could not start.',
  OAuthCallback: 'GitHub sign-in failed on the way back.',
  OAuthCreateAccount: 'GitHub sign-in could not create your user.',
  EmailCreateAccount: 'Sign-in could not create your user.',
  Callback: 'Sign-in failed on the way back.',
  OAuthAccountNotLinked: 'That account is linked to another user.',
  EmailSignin: 'The sign-in email could not be sent.',
  CredentialsSignin: 'Sign-in was refused.',
  SessionRequired: 'Sign in to see that page.',
  Configuration: 'The server is not configured for that sign-in.',
  AccessDenied: 'Sign-in was refused.',
  Verification: 'The sign-in link is no longer valid.',
  Default: 'Sign-in failed.',
}

/** next-auth itself writes one code in lower case (`error=configuration`, core/routes/callback.js:204). */
export function knownAuthError(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  return Object.keys(AUTH_ERROR_MESSAGES).find((code) => code.toLowerCase() === value.toLowerCase())
}
