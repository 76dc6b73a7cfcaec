'use server';

import { refresh } from 'next/cache';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/locale';

const localeForm = z.object({ locale: z.enum(LOCALES) });

/**
 * Stores the chosen language for a year and re-renders the current page in it. An unknown
 * value is ignored: the switch only ever sends known locales, so it can only be a forged post.
 */
export async function setLocale(formData: FormData): Promise<void> {
  if (!(formData instanceof FormData)) return; // a forged call without a form: nothing to set
  const parsed = localeForm.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
    httpOnly: false,
  });
  refresh();
}
