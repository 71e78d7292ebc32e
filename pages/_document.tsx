import { Head, Html, Main, NextScript, type DocumentProps } from 'next/document'
import { dropStaticCodeFromInlineData } from '@/components/StaticCode/page-data'

export default function Document({ __NEXT_DATA__ }: DocumentProps) {
  // Rendered after the page: its code blocks are in the HTML already, so __NEXT_DATA__ need not carry them again.
  dropStaticCodeFromInlineData(__NEXT_DATA__)
  return (
    <Html lang="en">
      <Head />
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  )
}
