'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import styles from './admin.module.css';

/** A tab of the admin pages that marks itself current. */
export function AdminTab({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} className={styles.tab} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
