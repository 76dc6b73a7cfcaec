'use client';

import type { FeatureCollection } from 'geojson';
import { useEffect, useState } from 'react';

/**
 * The neighbourhood outlines of some municipalities, from /api/areas/neighbourhoods (public,
 * cacheable by its data version), merged into one collection. Null until all have arrived,
 * and when one fails (the pages then work without the map's outlines).
 */
export function useNeighbourhoods(municipalities: readonly string[], dataVersion: string): FeatureCollection | null {
  const key = `${dataVersion}|${municipalities.join(',')}`;
  const [loaded, setLoaded] = useState<{ key: string; data: FeatureCollection } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const [version, list] = key.split('|') as [string, string];
    const codes = list ? list.split(',') : [];
    Promise.all(
      codes.map(async (nis) => {
        const response = await fetch(
          `/api/areas/neighbourhoods?municipality=${encodeURIComponent(nis)}&v=${encodeURIComponent(version)}`,
          { signal: controller.signal },
        );
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return (await response.json()) as FeatureCollection;
      }),
    ).then(
      (collections) =>
        setLoaded({ key, data: { type: 'FeatureCollection', features: collections.flatMap((c) => c.features) } }),
      (error: unknown) => {
        if (!controller.signal.aborted) console.error('[buurtradar] neighbourhood outlines could not be loaded', error);
      },
    );
    return () => controller.abort();
  }, [key]);
  return loaded?.key === key ? loaded.data : null;
}
