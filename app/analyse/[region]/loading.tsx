import { getTranslator } from '@/lib/i18n/server';

export default async function AnalysisLoading() {
  const { t } = await getTranslator();
  return (
    <div className="map-status" role="status" style={{ position: 'static', margin: '3rem auto' }}>
      <span className="spinner" aria-hidden="true" />
      {t('analysis.loading')}
    </div>
  );
}
