'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** "Aanmelden", bringing the visitor back to the page they were on (only its path). */
export function SignInLink({ label }: { label: string }) {
  const pathname = usePathname();
  const href =
    pathname && pathname !== '/' && pathname !== '/aanmelden'
      ? `/aanmelden?terug=${encodeURIComponent(pathname)}`
      : '/aanmelden';
  return (
    <Link href={href} className="button button-small" data-testid="sign-in-link">
      {label}
    </Link>
  );
}
