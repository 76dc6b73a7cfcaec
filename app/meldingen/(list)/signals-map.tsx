'use client';

import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import { useI18n } from '@/app/_components/i18n-provider';
import { PointMap } from '@/app/_components/point-map';
import { useNeighbourhoods } from '@/app/_components/use-neighbourhoods';
import type { SignalPoint } from '@/db/queries/signals';
import type { BBox } from '@/lib/map/area-data';
import { signalPointCollection } from '@/lib/map/signal-points';
import type { BasemapOptions } from '@/lib/map/style';

/** The list's signals as dots on their (generalised) points; a click opens the signal. */
export function SignalsMap({
  points,
  municipalities,
  bounds,
  dataVersion,
  basemap,
}: {
  points: SignalPoint[];
  municipalities: string[];
  bounds: BBox;
  dataVersion: string;
  basemap: BasemapOptions;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const neighbourhoods = useNeighbourhoods(municipalities, dataVersion);
  const collection = useMemo(() => signalPointCollection(points), [points]);
  return (
    <PointMap
      basemap={basemap}
      bounds={bounds}
      neighbourhoods={neighbourhoods}
      points={collection}
      onPointClick={(id) => router.push(`/meldingen/${id}`)}
      label={t('signals.list.mapLabel')}
      controlLabels={{ zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') }}
      testId="signals-map"
    />
  );
}
