// Module augmentation for the lab's presets, which run on Auth.js core (@auth/core): the demo's claims.
declare module '@auth/core/types' {
  interface User {
    role?: string
    onboardingStep?: string
    ver?: number
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    role?: string
    onboardingStep?: string
    ver?: number
  }
}
export {}
