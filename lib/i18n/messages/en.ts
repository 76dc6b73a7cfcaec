import type { Messages } from './nl-BE';

/** English. `satisfies Messages` makes a missing or an extra key a type error. */
export const en = {
  'app.name': 'Buurtradar',
  'app.tagline': 'Caring neighbourhoods on the map',
  'app.description': 'Signals, services and neighbourhood indicators on the map of Flemish neighbourhoods.',

  'header.demoBadge': 'Demo data',
  'header.demoBadgeTitle': 'This environment contains generated demo records: no real people or reports.',
  'header.language': 'Language',
  'header.switchLanguage': 'Show in {language}',
  'header.mainNavigation': 'Main navigation',
  'header.nav.map': 'Map',

  'map.pageTitle': '{area} · map',
  'map.controlsLabel': 'Map settings',
  'map.areaHeading': 'Area',
  'map.regionLabel': 'Region',
  'map.regionSummary': '{municipalities} municipalities · {neighbourhoods} neighbourhoods',
  'map.municipalitySummary': '{neighbourhoods} neighbourhoods · region {region}',
  'map.municipalityLabel': 'Municipality',
  'map.allMunicipalities': 'All municipalities',
  'map.neighbourhoodLabel': 'Neighbourhood',
  'map.chooseNeighbourhood': 'Choose a neighbourhood',
  'map.indicatorHeading': 'Indicator',
  'map.indicatorLabel': 'Show on the map',
  'map.ariaLabel': 'Map of the neighbourhoods in {area}',
  'map.loading': 'Loading map…',
  'map.loadError': 'The map data could not be loaded.',
  'map.retry': 'Try again',
  'map.zoomIn': 'Zoom in',
  'map.zoomOut': 'Zoom out',

  'legend.title': 'Legend',
  'legend.noData': 'No data',
  'legend.estimates': 'Values marked ≈ are estimates',
  'legend.method': 'Classes by natural breaks',
  'legend.empty': 'This indicator has no values in this area.',
  'legend.range': '{min} – {max}',
  'legend.countTitle': '{count} neighbourhoods',

  'panel.close': 'Close',
  'panel.municipality': 'Municipality',
  'panel.code': 'Code',
  'panel.area': 'Area',
  'panel.areaValue': '{value} km²',
  'panel.indicators': 'Indicators',
  'panel.noValue': 'no data',
  'panel.estimate': 'estimate',
  'panel.estimates': '≈ estimate: calculated or projected, not counted',
  'panel.source': '{source}, {period}',
  'panel.hint': 'Click a neighbourhood on the map, or choose one from the list, to see its figures.',

  'tooltip.noValue': 'no data',

  'credit.boundaries': 'Boundaries: Statbel / Provincies in Cijfers',
  'credit.osm': '© OpenStreetMap contributors',

  'unit.inhabitants': 'inhabitants',
  'unit.percent': '%',

  'notFound.code': '404',
  'notFound.title': 'This page does not exist',
  'notFound.body': 'The address is wrong or the page has moved.',
  'notFound.areaTitle': 'We do not know this area',
  'notFound.areaBody':
    'The region or municipality code in the link does not exist. Regions have a code such as sw11 (Kempen); municipalities a five-digit NIS code such as 13003 (Balen).',
  'notFound.backToMap': 'Go to the map of Kempen',
  'notFound.regionsHeading': 'Or choose a region',

  'error.title': 'Something went wrong',
  'error.body': 'This page could not be loaded. Try again; if it still fails, tell the administrator.',
  'error.retry': 'Try again',
  'error.reference': 'Reference: {digest}',
} as const satisfies Messages;
