/**
 * Dutch (Belgium): the source language. Every other dictionary must have exactly these keys
 * (enforced by the `Messages` type). `{name}` marks a parameter filled in by `t()`.
 * Names of indicators, signal categories and service types live in their catalogues in lib/.
 */
export const nlBE = {
  'app.name': 'Buurtradar',
  'app.tagline': 'Zorgzame buurten in kaart',
  'app.description': 'Signalen, voorzieningen en buurtindicatoren op de kaart van Vlaamse buurten.',

  'header.demoBadge': 'Demodata',
  'header.demoBadgeTitle': 'Deze omgeving bevat gegenereerde demogegevens: geen echte personen of meldingen.',
  'header.language': 'Taal',
  'header.switchLanguage': 'Toon in het {language}',
  'header.mainNavigation': 'Hoofdnavigatie',
  'header.nav.map': 'Kaart',

  'map.pageTitle': '{area} · kaart',
  'map.controlsLabel': 'Kaartinstellingen',
  'map.areaHeading': 'Gebied',
  'map.regionLabel': 'Regio',
  'map.regionSummary': '{municipalities} gemeenten · {neighbourhoods} buurten',
  'map.municipalitySummary': '{neighbourhoods} buurten · regio {region}',
  'map.municipalityLabel': 'Gemeente',
  'map.allMunicipalities': 'Alle gemeenten',
  'map.neighbourhoodLabel': 'Buurt',
  'map.chooseNeighbourhood': 'Kies een buurt',
  'map.indicatorHeading': 'Indicator',
  'map.indicatorLabel': 'Toon op de kaart',
  'map.ariaLabel': 'Kaart van de buurten in {area}',
  'map.loading': 'Kaart laden…',
  'map.loadError': 'De kaartgegevens konden niet geladen worden.',
  'map.retry': 'Opnieuw proberen',
  'map.zoomIn': 'Inzoomen',
  'map.zoomOut': 'Uitzoomen',

  'legend.title': 'Legende',
  'legend.noData': 'Geen gegevens',
  'legend.estimates': 'Waarden met ≈ zijn schattingen',
  'legend.method': 'Klassen volgens natuurlijke breuken',
  'legend.empty': 'Voor deze indicator zijn er geen waarden in dit gebied.',
  'legend.range': '{min} – {max}',
  'legend.countTitle': '{count} buurten',

  'layers.heading': 'Kaartlagen',
  'layers.hint': 'Toon signalen, voorzieningen en woningen over de buurten. Klik op een punt voor details.',
  'layers.loadError': 'De kaartlagen konden niet geladen worden.',
  'layers.name.signals': 'Signalen',
  'layers.name.services': 'Voorzieningen',
  'layers.name.street_lights': 'Straatverlichting',
  'layers.name.social_housing': 'Sociale woningen',
  'layers.name.substandard_dwellings': 'Ongeschikte woningen',
  'layers.legend.few': '5',
  'layers.legend.many': '100+',
  'layers.legend.privacyNote': 'Geteld per gebied van minstens ± 400 m; alleen gebieden met 5 of meer.',
  'layers.legend.working': 'Werkt',
  'layers.legend.workingOther': 'Werkt, geen LED',
  'layers.legend.defect': 'Defect',
  'layers.legend.lightsZoomNote': 'Uitgezoomd: vlekken gekleurd naar aandeel defecte lampen.',
  'layers.legend.units': 'Cirkel volgens aantal woningen',
  'layers.legend.grouped': 'Veel punten dicht bij elkaar: gegroepeerd tot u inzoomt.',

  'popup.close': 'Sluiten',
  'popup.signalsCell': '{count} signalen in dit gebied',
  'popup.substandardCell': '{count} ongeschikte woningen in dit gebied',
  'popup.servicesCell': '{count} voorzieningen in dit gebied',
  'popup.socialHousingCell': '{count} sociale woonprojecten, {units} woningen',
  'popup.streetLightsCell': '{count} straatlampen, waarvan {defects} defect',
  'popup.streetLight': 'Straatlamp',
  'popup.status': 'Toestand',
  'popup.status.working': 'Werkt',
  'popup.status.defect': 'Defect',
  'popup.lampType': 'Lamptype',
  'popup.lamp.led': 'LED',
  'popup.lamp.other': 'Ander type',
  'popup.operator': 'Beheerder',
  'popup.units': 'Woningen',
  'popup.demo': 'Demogegeven',
  'popup.schedule': 'Halte-uren',
  'popup.scheduleUnavailable': 'Uren niet beschikbaar',

  'panel.close': 'Sluiten',
  'panel.municipality': 'Gemeente',
  'panel.code': 'Buurtcode',
  'panel.area': 'Oppervlakte',
  'panel.areaValue': '{value} km²',
  'panel.indicators': 'Indicatoren',
  'panel.noValue': 'geen gegevens',
  'panel.estimate': 'schatting',
  'panel.estimates': '≈ schatting: berekend of geraamd, geen telling',
  'panel.source': '{source}, {period}',
  'panel.hint': 'Klik op een buurt op de kaart of kies er een in de lijst om haar cijfers te zien.',

  'tooltip.noValue': 'geen gegevens',

  'credit.boundaries': 'Grenzen: Statbel / Provincies in Cijfers',
  'credit.osm': '© OpenStreetMap-bijdragers',

  'unit.inhabitants': 'inwoners',
  'unit.percent': '%',

  'notFound.code': '404',
  'notFound.title': 'Deze pagina bestaat niet',
  'notFound.body': 'Het adres klopt niet of de pagina is verplaatst.',
  'notFound.areaTitle': 'Dit gebied kennen we niet',
  'notFound.areaBody':
    'De regio- of gemeentecode in de link bestaat niet. Regio’s hebben een code zoals sw11 (Kempen); gemeenten een NIS-code van vijf cijfers, zoals 13003 (Balen).',
  'notFound.backToMap': 'Naar de kaart van de Kempen',
  'notFound.regionsHeading': 'Of kies een regio',

  'error.title': 'Er ging iets mis',
  'error.body': 'Deze pagina kon niet geladen worden. Probeer het opnieuw; lukt het dan nog niet, meld het aan de beheerder.',
  'error.retry': 'Opnieuw proberen',
  'error.reference': 'Referentie: {digest}',
} as const;

export type MessageKey = keyof typeof nlBE;
/** What every dictionary must provide: the same keys as the Dutch one, as plain strings. */
export type Messages = Record<MessageKey, string>;
