export { auth } from './config'
