export { tokenHandler as default } from '@/demo/api/token'
