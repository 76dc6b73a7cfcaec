'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/** A header link that marks itself current while the page is in its section. */
export function NavLink({ href, section, children }: { href: string; section: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === section || pathname.startsWith(`${section}/`);
  return (
    <Link href={href} className="site-nav-link" aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
