/**
 * Signal categories: what care partners notice in the pilot projects. Codes are stable
 * identifiers stored in the database; names are shown in the UI language.
 */
export interface SignalCategory {
  code: string;
  nl: string;
  en: string;
  subcategories: readonly { code: string; nl: string; en: string }[];
}

export const SIGNAL_CATEGORIES = [
  {
    code: 'loneliness',
    nl: 'Eenzaamheid',
    en: 'Loneliness',
    subcategories: [
      { code: 'loneliness_social_isolation', nl: 'Sociaal isolement', en: 'Social isolation' },
      { code: 'loneliness_bereavement', nl: 'Na verlies partner', en: 'After losing a partner' },
    ],
  },
  {
    code: 'financial_hardship',
    nl: 'Financiële problemen',
    en: 'Money trouble',
    subcategories: [
      { code: 'financial_debt', nl: 'Schulden', en: 'Debt' },
      { code: 'financial_energy_poverty', nl: 'Energiearmoede', en: 'Energy poverty' },
    ],
  },
  {
    code: 'rights_not_taken_up',
    nl: 'Rechten niet opgenomen',
    en: 'Rights not taken up',
    subcategories: [
      { code: 'rights_increased_reimbursement', nl: 'Verhoogde tegemoetkoming', en: 'Increased reimbursement' },
      { code: 'rights_care_allowance', nl: 'Zorgbudget', en: 'Care allowance' },
    ],
  },
  {
    code: 'poor_housing',
    nl: 'Slechte woonkwaliteit',
    en: 'Poor housing',
    subcategories: [
      { code: 'housing_damp_mould', nl: 'Vocht en schimmel', en: 'Damp and mould' },
      { code: 'housing_unsafe', nl: 'Onveilige woning', en: 'Unsafe dwelling' },
    ],
  },
  {
    code: 'unsafe_street',
    nl: 'Onveiligheidsgevoel op straat',
    en: 'Feeling unsafe in the street',
    subcategories: [
      { code: 'unsafe_street_lighting', nl: 'Slechte verlichting', en: 'Poor lighting' },
      { code: 'unsafe_street_nuisance', nl: 'Overlast', en: 'Nuisance' },
    ],
  },
  {
    code: 'care_need_alone',
    nl: 'Zorgnood alleenwonende',
    en: 'Care needs of people living alone',
    subcategories: [
      { code: 'care_need_daily_tasks', nl: 'Dagelijkse taken', en: 'Daily tasks' },
      { code: 'care_need_medication', nl: 'Medicatie', en: 'Medication' },
    ],
  },
  { code: 'mental_wellbeing', nl: 'Psychisch welzijn', en: 'Mental wellbeing', subcategories: [] },
  { code: 'self_neglect', nl: 'Zelfverwaarlozing', en: 'Self-neglect', subcategories: [] },
  { code: 'mobility', nl: 'Mobiliteit en vervoer', en: 'Mobility and transport', subcategories: [] },
  { code: 'caregiver_strain', nl: 'Overbelaste mantelzorger', en: 'Overburdened informal carer', subcategories: [] },
] as const satisfies readonly SignalCategory[];

export type SignalCategoryCode = (typeof SIGNAL_CATEGORIES)[number]['code'];
export const SIGNAL_CATEGORY_CODES = SIGNAL_CATEGORIES.map((category) => category.code) as SignalCategoryCode[];

export const SIGNAL_STATUSES = ['new', 'discussed', 'referred', 'followed_up', 'closed'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

export const URGENCIES = ['low', 'normal', 'high'] as const;

/** Partner types that report signals (the organisations of issue "roles"). */
export const PARTNER_TYPES = [
  'gp_practice',
  'home_nursing',
  'pharmacy',
  'police',
  'social_house',
  'local_service_centre',
  'caw',
  'volunteer_network',
  'housing_company',
  'regional_platform',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];
