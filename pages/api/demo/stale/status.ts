export { statusHandler as default } from '@/demo/api/stale'
