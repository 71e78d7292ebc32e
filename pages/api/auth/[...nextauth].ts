export { authHandler as default } from '@/demo/api/auth'

// Must be literal here for Next to see it. Larger bodies get a 413 before next-auth runs.
export const config = { api: { bodyParser: { sizeLimit: '8kb' } } }
