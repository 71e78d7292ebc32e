export { signOutEverywhereHandler as default } from '@/demo/api/stale'

export const config = { api: { bodyParser: { sizeLimit: '1kb' } } }
