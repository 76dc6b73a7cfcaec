/**
 * ColorBrewer YlGnBu (sequential, colour-blind safe, prints well in grey), per class count, so
 * that fewer classes still span light to dark instead of using only the lightest colours.
 * Source: colorbrewer2.org, Cynthia Brewer, Pennsylvania State University (Apache 2.0).
 */
export const YL_GN_BU: Readonly<Record<1 | 2 | 3 | 4 | 5, readonly string[]>> = {
  1: ['#41b6c4'],
  2: ['#a1dab4', '#225ea8'],
  3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
  4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
  5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
};

export const MAX_CLASSES = 5;

/** Neighbourhoods without a value: a neutral grey that none of the palette colours resembles. */
export const NO_DATA_COLOR = '#d3d7dd';

/** The palette for `count` classes (1–5); an empty list for none. */
export function paletteFor(count: number): readonly string[] {
  if (count <= 0) return [];
  const clamped = Math.min(Math.max(Math.round(count), 1), MAX_CLASSES) as 1 | 2 | 3 | 4 | 5;
  return YL_GN_BU[clamped];
}

/** Colours of the map furniture, kept beside the palette so that they are chosen together. */
export const MAP_COLORS = {
  background: '#e9edf1',
  land: '#fbfbfa',
  regionOutline: '#a3adb9',
  regionFocusOutline: '#24303f',
  municipalityOutline: '#4a5565',
  neighbourhoodOutline: '#ffffff',
  highlight: '#0b1a2b',
  highlightCasing: '#ffffff',
} as const;
