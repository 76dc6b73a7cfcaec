import { getTranslator } from '@/lib/i18n/server';

/** Shown while the map page loads its lists: the same frame as the page, so nothing jumps. */
export default async function MapLoading() {
  const { t } = await getTranslator();
  return (
    <div className="explorer" aria-busy="true">
      <aside className="sidebar sidebar-skeleton" aria-hidden="true">
        <div className="skeleton skeleton-eyebrow" />
        <div className="skeleton skeleton-title" />
        <div className="skeleton skeleton-line" />
        <div className="skeleton skeleton-field" />
        <div className="skeleton skeleton-field" />
        <div className="skeleton skeleton-field" />
        <div className="skeleton skeleton-legend" />
      </aside>
      <div className="map-area">
        <div className="map-status" role="status">
          <span className="spinner" aria-hidden="true" />
          {t('map.loading')}
        </div>
      </div>
    </div>
  );
}
