import { INDICATORS, type IndicatorCode } from '@/lib/indicators/catalog';
import { clamp, round, stream } from './random';
import type { DemoIndicatorValue, NeighbourhoodProfile } from './types';

export const DEMO_INDICATOR_PERIOD = '2025';
/** Shown wherever a value is displayed: every demo indicator is an estimate, never a statistic. */
export const DEMO_INDICATOR_SOURCE = 'Buurtradar demo (geschat)';

type Values = Record<IndicatorCode, number>;

/**
 * Neighbourhood indicators in plausible Flemish ranges, driven by the profile's latent need
 * and ageing so they correlate the way real ones do: where need is high, incomes are lower
 * and more people get the increased reimbursement.
 */
export function generateIndicators(seed: string, profiles: readonly NeighbourhoodProfile[]): DemoIndicatorValue[] {
  const perNeighbourhood = profiles.map((profile) => {
    const rng = stream(seed, 'indicators', profile.code);
    const values: Values = {
      population: profile.population,
      share_65_plus: round(clamp(20.5 + 3.2 * profile.ageing + rng.normal(0, 0.8), 13, 32), 1),
      share_80_plus_alone: round(
        clamp(3.4 + 0.6 * profile.ageing + 0.5 * profile.need + rng.normal(0, 0.3), 1.5, 7.5),
        1,
      ),
      share_increased_reimbursement: round(clamp(15 + 3.5 * profile.need + rng.normal(0, 1), 7, 32), 1),
      median_income: Math.round(clamp(26_500 - 2_300 * profile.need + rng.normal(0, 800), 19_000, 33_500) / 10) * 10,
    };
    return { profile, values };
  });

  const records = perNeighbourhood.flatMap(({ profile, values }) => toRecords('neighbourhood', profile.code, values));

  // Municipality figures: population summed, the rest weighted by estimated population.
  const byMunicipality = new Map<string, typeof perNeighbourhood>();
  for (const entry of perNeighbourhood) {
    const list = byMunicipality.get(entry.profile.municipalityNis) ?? [];
    list.push(entry);
    byMunicipality.set(entry.profile.municipalityNis, list);
  }
  for (const [nis, entries] of byMunicipality) {
    const population = entries.reduce((sum, e) => sum + e.profile.population, 0);
    const weighted = (code: IndicatorCode) =>
      population > 0 ? entries.reduce((sum, e) => sum + e.values[code] * e.profile.population, 0) / population : 0;
    records.push(
      ...toRecords('municipality', nis, {
        population,
        share_65_plus: round(weighted('share_65_plus'), 1),
        share_80_plus_alone: round(weighted('share_80_plus_alone'), 1),
        share_increased_reimbursement: round(weighted('share_increased_reimbursement'), 1),
        median_income: Math.round(weighted('median_income') / 10) * 10,
      }),
    );
  }
  return records;
}

function toRecords(level: DemoIndicatorValue['area_level'], code: string, values: Values): DemoIndicatorValue[] {
  return INDICATORS.map((indicator) => ({
    area_level: level,
    area_code: code,
    indicator_code: indicator.code,
    period: DEMO_INDICATOR_PERIOD,
    value: values[indicator.code],
    unit: indicator.unit,
    source: DEMO_INDICATOR_SOURCE,
    is_estimate: true,
  }));
}
