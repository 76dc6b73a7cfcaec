/** Care and welfare service types, in the order the layer legend lists them. */
export const SERVICE_TYPES = [
  { code: 'local_service_centre', nl: 'Lokaal dienstencentrum', en: 'Local service centre' },
  { code: 'social_house', nl: 'Sociaal huis / OCMW', en: 'Social house / OCMW' },
  { code: 'gp', nl: 'Huisarts', en: 'General practitioner' },
  { code: 'pharmacy', nl: 'Apotheek', en: 'Pharmacy' },
  { code: 'home_nursing', nl: 'Thuisverpleging', en: 'Home nursing' },
  { code: 'residential_care', nl: 'Woonzorgcentrum', en: 'Residential care centre' },
  { code: 'caw', nl: 'CAW', en: 'Centre for general welfare (CAW)' },
  { code: 'neighbourhood_house', nl: 'Buurthuis', en: 'Neighbourhood house' },
  { code: 'social_grocery', nl: 'Sociale kruidenier', en: 'Social grocery' },
  { code: 'mobile_stop', nl: 'Mobiel sociaal infopunt (halte)', en: 'Mobile social info point (stop)' },
] as const;

export type ServiceTypeCode = (typeof SERVICE_TYPES)[number]['code'];
