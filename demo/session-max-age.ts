/** How long a session lives: next-auth v4's default (core/init.js:45), stated so re-issued cookies agree. */
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60
