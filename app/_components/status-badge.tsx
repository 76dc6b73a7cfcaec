import type { SignalStatus } from '@/lib/signals/categories';
import { SIGNAL_STATUS_LABELS } from '@/lib/signals/labels';
import { STATUS_COLORS } from '@/lib/map/signal-points';
import styles from './signal-page.module.css';

/** A signal's follow-up status as a labelled dot, in the colour its point has on the maps. */
export function StatusBadge({ status, lang }: { status: SignalStatus; lang: 'nl' | 'en' }) {
  return (
    <span className={styles.badge} data-testid="status-badge" data-status={status}>
      <span className={styles.badgeDot} style={{ background: STATUS_COLORS[status] }} aria-hidden="true" />
      {SIGNAL_STATUS_LABELS[status][lang]}
    </span>
  );
}
