export { completeHandler as default } from '@/demo/api/onboarding'

export const config = { api: { bodyParser: { sizeLimit: '4kb' } } }
