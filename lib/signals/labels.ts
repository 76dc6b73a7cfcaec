import type { PartnerType, SignalStatus } from './categories';
import type { SignalOutcome } from './status-workflow';

/** Names of the follow-up statuses and partner types in both UI languages. */

export const SIGNAL_STATUS_LABELS: Readonly<Record<SignalStatus, { nl: string; en: string }>> = {
  new: { nl: 'Nieuw', en: 'New' },
  discussed: { nl: 'Besproken', en: 'Discussed' },
  referred: { nl: 'Toegeleid', en: 'Referred' },
  followed_up: { nl: 'Opgevolgd', en: 'Followed up' },
  closed: { nl: 'Afgesloten', en: 'Closed' },
};

export const PARTNER_TYPE_LABELS: Readonly<Record<PartnerType, { nl: string; en: string }>> = {
  gp_practice: { nl: 'Huisartsenpraktijk', en: 'GP practice' },
  home_nursing: { nl: 'Thuisverpleging', en: 'Home nursing' },
  pharmacy: { nl: 'Apotheek', en: 'Pharmacy' },
  police: { nl: 'Wijkpolitie', en: 'Neighbourhood police' },
  social_house: { nl: 'Sociaal huis / OCMW', en: 'Social house / OCMW' },
  local_service_centre: { nl: 'Lokaal dienstencentrum', en: 'Local service centre' },
  caw: { nl: 'CAW', en: 'CAW (general welfare centre)' },
  volunteer_network: { nl: 'Vrijwilligersnetwerk', en: 'Volunteer network' },
  housing_company: { nl: 'Woonmaatschappij', en: 'Housing company' },
  regional_platform: { nl: 'Regionaal platform', en: 'Regional platform' },
};

export const SIGNAL_OUTCOME_LABELS: Readonly<Record<SignalOutcome, { nl: string; en: string }>> = {
  rights_obtained: { nl: 'Rechten verkregen', en: 'Rights obtained' },
  care_started: { nl: 'Zorg of ondersteuning opgestart', en: 'Care or support started' },
  no_action_needed: { nl: 'Geen actie nodig', en: 'No action needed' },
  declined: { nl: 'Persoon weigerde', en: 'Person declined' },
  other: { nl: 'Andere', en: 'Other' },
};
