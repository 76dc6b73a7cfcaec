import 'maplibre-gl/dist/maplibre-gl.css';
import './globals.css';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { hasDemoData } from '@/db/queries/demo';
import { getDb } from '@/db/server';
import { getTranslator } from '@/lib/i18n/server';
import { I18nProvider } from './_components/i18n-provider';
import { SiteHeader } from './_components/site-header';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return {
    title: { default: t('app.name'), template: `%s · ${t('app.name')}` },
    description: t('app.description'),
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#ffffff' };

/**
 * Whether to show the demo badge. A database that cannot answer makes the page fail further
 * down with its own error; the header should not be what breaks, so it then shows no badge.
 */
async function demoDataPresent(): Promise<boolean> {
  try {
    return await hasDemoData(await getDb());
  } catch (error) {
    console.error('[buurtradar] could not check for demo data', error);
    return false;
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ locale, t }, demo] = await Promise.all([getTranslator(), demoDataPresent()]);
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale}>
          <SiteHeader locale={locale} t={t} demo={demo} />
          <main className="site-main">{children}</main>
        </I18nProvider>
      </body>
    </html>
  );
}
