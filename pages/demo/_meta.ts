export default {
  index: 'Sign in',
  onboarding: 'Onboarding',
  explore: 'Explore (gated)',
  elsewhere: 'Changed elsewhere',
  attack: 'Attack lab',
}
