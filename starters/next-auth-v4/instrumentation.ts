// Runs once when the server starts, before it serves anything (Next calls register()).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') await (await import('./lib/server-start')).serverStart()
}
