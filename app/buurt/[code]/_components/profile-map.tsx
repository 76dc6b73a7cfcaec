'use client';

import { useI18n } from '@/app/_components/i18n-provider';
import { downloadCanvasAsPng } from '@/app/_components/png-export';
import { AnalysisMap } from '@/app/analyse/_components/analysis-map';
import type { Significance } from '@/lib/analysis/getis-ord';
import { SIGNIFICANCE_COLORS } from '@/lib/map/analysis-palette';
import type { BBox } from '@/lib/map/area-data';

/** The municipality's neighbourhoods by Gi* class, this one outlined; savable as PNG. */
export function ProfileMap({
  code,
  municipalityNis,
  bbox,
  classes,
  dataVersion,
}: {
  code: string;
  municipalityNis: string;
  bbox: BBox;
  classes: Record<string, Significance>;
  dataVersion: string;
}) {
  const { t } = useI18n();
  const colors = Object.fromEntries(Object.entries(classes).map(([c, s]) => [c, SIGNIFICANCE_COLORS[s]]));
  return (
    <div>
      <div style={{ height: 340, border: '1px solid #d3d7dd', borderRadius: 8, overflow: 'hidden' }}>
        <AnalysisMap
          geometryUrl={`/api/areas/neighbourhoods?municipality=${municipalityNis}&v=${encodeURIComponent(dataVersion)}`}
          bbox={bbox}
          colors={colors}
          selected={code}
          exportable
          ariaLabel={t('profile.mapAria')}
          testId="profile-map"
        />
      </div>
      <button
        type="button"
        className="button no-print"
        data-testid="profile-map-png"
        onClick={() => downloadCanvasAsPng(window.__buurtradarAnalysisMap?.getCanvas(), `buurtradar-${code}-kaart.png`)}
      >
        {t('profile.mapPng')}
      </button>
    </div>
  );
}
