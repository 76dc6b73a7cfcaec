import Link from 'next/link';
import { StatusBadge } from '@/app/_components/status-badge';
import styles from '@/app/_components/signal-page.module.css';
import type { SignalSummary } from '@/db/queries/signals';
import { formatDay } from '@/lib/i18n/dates';
import type { Locale } from '@/lib/i18n/locale';
import { getTranslator } from '@/lib/i18n/server';
import { SIGNAL_CATEGORIES } from '@/lib/signals/categories';

/** The signals of one page: what, where, when and how far the follow-up is. Never a description. */
export async function SignalList({
  items,
  showOwn,
  lang,
  locale,
}: {
  items: SignalSummary[];
  showOwn: boolean;
  lang: 'nl' | 'en';
  locale: Locale;
}) {
  const { t } = await getTranslator();
  if (items.length === 0)
    return (
      <p className={styles.empty} data-testid="signal-list-empty">
        {t('signals.list.empty')}
      </p>
    );
  return (
    <ul className={styles.list} data-testid="signal-list">
      {items.map((item) => {
        const category = SIGNAL_CATEGORIES.find((c) => c.code === item.category);
        const sub = category?.subcategories.find((s) => s.code === item.subcategory);
        return (
          <li key={item.id} className={styles.listItem} data-testid="signal-row" data-signal-id={item.id}>
            <Link href={`/meldingen/${item.id}`} className={styles.listLink}>
              <span className={styles.listTop}>
                <span className={styles.listTitle}>
                  {category ? category[lang] : item.category}
                  {sub ? ` · ${sub[lang]}` : ''}
                </span>
                <StatusBadge status={item.status} lang={lang} />
              </span>
              <span className={styles.listMeta}>
                <span>#{item.id}</span>
                <span>
                  {item.neighbourhoodName}, {item.municipalityName}
                </span>
                <span>{t('signals.list.reportedOn', { date: formatDay(locale, item.reportedAt) })}</span>
                {item.urgency === 'high' && <span className={styles.urgent}>{t('report.urgency.high')}</span>}
                {item.followUpRequested && <span>{t('signals.list.followUpRequested')}</span>}
                {showOwn && item.own && <span>{t('signals.list.own')}</span>}
                {item.isDemo && <span className={styles.demo}>{t('signals.list.demo')}</span>}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
