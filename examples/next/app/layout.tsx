import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import 'profilekit/styles.css';
// The Vite demo's look, shared.
import '../../demo/src/demo.css';
import { Providers } from './providers';

export const metadata: Metadata = { title: 'Acme — profilekit on Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // This host's design is light only: data-theme tells the kit, which otherwise follows the OS.
    <html lang="en" data-theme="light">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
