import { defaultDark, defaultLight, type SandpackTheme } from '@codesandbox/sandpack-react'

// Sandpack's default themes with the colours that fail WCAG AA contrast (line numbers, inactive tabs, comments and
// a few token colours) darkened in light mode and lightened in dark mode: axe checks every page of this site.
export const labLightTheme: SandpackTheme = {
  ...defaultLight,
  colors: { ...defaultLight.colors, disabled: '#6e6e6e', clickable: '#5c5c5c', hover: '#323232', accent: '#1d4ed8' },
  syntax: {
    ...defaultLight.syntax,
    comment: { color: '#6a6a6a', fontStyle: 'italic' },
    definition: '#4d6b00',
    tag: '#0b5fc4',
  },
}

export const labDarkTheme: SandpackTheme = {
  ...defaultDark,
  colors: { ...defaultDark.colors, disabled: '#8c8c8c', clickable: '#b3b3b3', base: '#b3b3b3' },
  syntax: { ...defaultDark.syntax, comment: { color: '#9a9a9a', fontStyle: 'italic' }, static: '#e0736d' },
}
