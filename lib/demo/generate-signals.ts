import { PARTNER_TYPES, type PartnerType, type SignalCategoryCode, type SignalStatus } from '@/lib/signals/categories';
import { DEMO_DAYS, brusselsInstant, daysBeforeEnd, weekday, winterness } from './calendar';
import type { NeighbourhoodShape } from './geometry';
import { type Rng, compareText, stream } from './random';
import type { DemoSignal, NeighbourhoodProfile } from './types';

/** Signals per 1,000 inhabitants per year outside the pilots, where nobody reports actively. */
const BASE_RATE = 7.5;
/** The pilots' partners report more: they were trained to. */
const PILOT_FACTOR = 1.6;
const YEARS = DEMO_DAYS / 365;

/** Share of each category among all signals (relative weights). */
const CATEGORY_WEIGHTS: Record<SignalCategoryCode, number> = {
  loneliness: 18,
  financial_hardship: 14,
  rights_not_taken_up: 9,
  poor_housing: 9,
  unsafe_street: 7,
  care_need_alone: 14,
  mental_wellbeing: 10,
  self_neglect: 5,
  mobility: 8,
  caregiver_strain: 6,
};

/** How strongly a category peaks in winter (0 = no season). */
const WINTER_PEAK: Partial<Record<SignalCategoryCode, number>> = {
  loneliness: 0.45,
  unsafe_street: 0.3,
  financial_hardship: 0.2,
  mobility: 0.2,
  mental_wellbeing: 0.15,
  poor_housing: 0.15,
};

/** Subcategory choice: how often one is given, and relative weights (plus extra weight in winter). */
const SUBCATEGORIES: Partial<Record<SignalCategoryCode, { share: number; options: Record<string, [number, number]> }>> =
  {
    loneliness: { share: 0.55, options: { loneliness_social_isolation: [70, 0], loneliness_bereavement: [30, 0] } },
    financial_hardship: { share: 0.6, options: { financial_debt: [55, 0], financial_energy_poverty: [35, 30] } },
    rights_not_taken_up: {
      share: 0.5,
      options: { rights_increased_reimbursement: [60, 0], rights_care_allowance: [40, 0] },
    },
    poor_housing: { share: 0.6, options: { housing_damp_mould: [55, 25], housing_unsafe: [45, 0] } },
    unsafe_street: { share: 0.65, options: { unsafe_street_lighting: [45, 25], unsafe_street_nuisance: [55, 0] } },
    care_need_alone: { share: 0.55, options: { care_need_daily_tasks: [60, 0], care_need_medication: [40, 0] } },
  };

/** Who tends to notice what; other partner types report now and then. */
const REPORTERS: Record<SignalCategoryCode, Partial<Record<PartnerType, number>>> = {
  loneliness: { volunteer_network: 5, local_service_centre: 5, home_nursing: 4, gp_practice: 2, pharmacy: 2 },
  financial_hardship: { social_house: 6, caw: 5, housing_company: 2, local_service_centre: 2 },
  rights_not_taken_up: { social_house: 5, local_service_centre: 4, pharmacy: 3, regional_platform: 2 },
  poor_housing: { housing_company: 5, social_house: 4, home_nursing: 2, police: 1 },
  unsafe_street: { police: 6, volunteer_network: 4, local_service_centre: 2 },
  care_need_alone: { home_nursing: 6, gp_practice: 5, pharmacy: 3, local_service_centre: 2 },
  mental_wellbeing: { gp_practice: 6, caw: 5, social_house: 2 },
  self_neglect: { home_nursing: 5, police: 3, gp_practice: 3, volunteer_network: 2 },
  mobility: { local_service_centre: 5, volunteer_network: 4, social_house: 2 },
  caregiver_strain: { home_nursing: 6, gp_practice: 4, regional_platform: 2, local_service_centre: 2 },
};

const URGENT_CATEGORIES = new Set<SignalCategoryCode>(['self_neglect', 'care_need_alone', 'mental_wellbeing']);

/**
 * About two years of signals. The count per neighbourhood is Poisson around its estimated
 * population × rate, with a few hotspots at 3.5–4.5× the rate of the rest; dates follow
 * seasons (loneliness peaks in winter), weekdays (partners report at work) and a slow rise
 * as the project grows. Locations are generalised to the 100 m grid.
 */
export function generateSignals(
  seed: string,
  profiles: readonly NeighbourhoodProfile[],
  shapes: ReadonlyMap<string, NeighbourhoodShape>,
): DemoSignal[] {
  const signals: DemoSignal[] = [];
  for (const profile of profiles) {
    const shape = shapes.get(profile.code);
    if (!shape) continue;
    const rng = stream(seed, 'signals', profile.code);
    const rate =
      BASE_RATE *
      (profile.isPilot ? PILOT_FACTOR : 1) *
      (profile.hotspotFactor > 1 ? profile.hotspotFactor : Math.exp(0.2 * profile.need));
    const count = rng.poisson((profile.population / 1000) * rate * YEARS);
    const boosted = new Set(profile.hotspotCategories);
    for (let i = 0; i < count; i++) {
      const category = rng.table(weightsFor(boosted));
      const day = drawDay(rng, category);
      signals.push({
        ...shape.location(shape.snapped(rng, (r) => shape.settlementPoint(r))),
        ...timing(rng, day),
        category_code: category,
        subcategory_code: drawSubcategory(rng, category, day, profile),
        ...handling(rng, category, day),
        reporter_partner_type: drawReporter(rng, category),
        description: null,
      });
    }
  }
  // Oldest first, so ids grow with time as they would in real use.
  return signals.sort(
    (a, b) => compareText(a.observed_at, b.observed_at) || compareText(a.neighbourhood_code, b.neighbourhood_code),
  );
}

function weightsFor(boosted: ReadonlySet<SignalCategoryCode>): Record<SignalCategoryCode, number> {
  if (boosted.size === 0) return CATEGORY_WEIGHTS;
  const weights = { ...CATEGORY_WEIGHTS };
  for (const category of boosted) weights[category] *= 3;
  return weights;
}

/** A day of the period by rejection: season × weekday × growth of the project. */
function drawDay(rng: Rng, category: SignalCategoryCode): number {
  const peak = WINTER_PEAK[category] ?? 0;
  const max = (1 + peak) * 1.2;
  for (;;) {
    const day = rng.int(0, DEMO_DAYS - 1);
    const weekdayFactor = weekday(day) === 6 ? 0.35 : weekday(day) === 7 ? 0.2 : 1;
    const growth = 0.8 + (0.4 * day) / DEMO_DAYS;
    if (rng.float() * max < (1 + peak * winterness(day)) * weekdayFactor * growth) return day;
  }
}

function timing(rng: Rng, day: number): Pick<DemoSignal, 'observed_at' | 'reported_at'> {
  const observedMinute = rng.int(8 * 60, 17 * 60);
  const delay = rng.table({ sameDay: 60, days: 30, weeks: 10 });
  const reportDay = Math.min(
    DEMO_DAYS - 1,
    day + (delay === 'sameDay' ? 0 : delay === 'days' ? rng.int(1, 3) : rng.int(4, 14)),
  );
  const reportMinute =
    reportDay === day ? Math.min(20 * 60, observedMinute + rng.int(15, 240)) : rng.int(8 * 60, 18 * 60);
  return { observed_at: brusselsInstant(day, observedMinute), reported_at: brusselsInstant(reportDay, reportMinute) };
}

function drawSubcategory(
  rng: Rng,
  category: SignalCategoryCode,
  day: number,
  profile: NeighbourhoodProfile,
): string | null {
  const spec = SUBCATEGORIES[category];
  if (!spec || !rng.chance(spec.share)) return null;
  const winter = Math.max(0, winterness(day));
  const lightingBoost = profile.defectRate > 0.08 ? 40 : 0;
  return rng.weighted(Object.keys(spec.options), (code) => {
    const [base, winterExtra] = spec.options[code] ?? [0, 0];
    return base + winterExtra * winter + (code === 'unsafe_street_lighting' ? lightingBoost : 0);
  });
}

/** Status follows age: recent signals are still open, a year-old one is nearly always closed. */
function handling(
  rng: Rng,
  category: SignalCategoryCode,
  day: number,
): Pick<DemoSignal, 'status' | 'urgency' | 'follow_up_requested'> {
  const age = daysBeforeEnd(day);
  const statusWeights: Record<SignalStatus, number> =
    age < 14
      ? { new: 50, discussed: 30, referred: 15, followed_up: 5, closed: 0 }
      : age < 60
        ? { new: 10, discussed: 25, referred: 30, followed_up: 25, closed: 10 }
        : age < 180
          ? { new: 2, discussed: 8, referred: 15, followed_up: 25, closed: 50 }
          : { new: 0, discussed: 1, referred: 4, followed_up: 10, closed: 85 };
  const urgency = rng.table(
    URGENT_CATEGORIES.has(category) ? { low: 10, normal: 55, high: 35 } : { low: 25, normal: 60, high: 15 },
  );
  return {
    status: rng.table(statusWeights),
    urgency,
    follow_up_requested: rng.chance(urgency === 'high' ? 0.7 : urgency === 'normal' ? 0.35 : 0.15),
  };
}

function drawReporter(rng: Rng, category: SignalCategoryCode): PartnerType {
  const preferred = REPORTERS[category];
  return rng.weighted(PARTNER_TYPES, (type) => preferred[type] ?? 0.5);
}
