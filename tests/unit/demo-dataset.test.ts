import { booleanPointInPolygon } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoDataset, type DemoInput, type DemoLocation, DEMO_FIRST_DAY, generateDemoDataset } from '@/lib/demo';
import { toLambert72 } from '@/lib/geo/lambert72';
import { SERVICE_TYPES } from '@/lib/services/service-types';
import { SIGNAL_CATEGORIES } from '@/lib/signals/categories';
import { loadDemoFixture } from './demo-fixture';

// Balen and Ravels: two pilots with their real boundaries, small enough to generate quickly.
let input: DemoInput;
let dataset: DemoDataset;
beforeAll(() => {
  input = loadDemoFixture(['13003', '13035']);
  dataset = generateDemoDataset(input);
});

const isoDay = (instant: string) => new Date(Date.parse(instant) + 3_600_000).toISOString().slice(0, 10);

const pointLayers = (d: DemoDataset): [string, DemoLocation[]][] => [
  ['signals', d.signals],
  ['services', d.services],
  ['street lights', d.streetLights],
  ['social housing', d.socialHousing],
  ['substandard dwellings', d.substandardDwellings],
];

describe('demo dataset generator', () => {
  it('is deterministic: the same seed gives identical records, another seed others', () => {
    expect(generateDemoDataset(input)).toEqual(dataset);
    const shuffled = {
      municipalities: [...input.municipalities].reverse(),
      neighbourhoods: [...input.neighbourhoods].reverse(),
    };
    expect(generateDemoDataset(shuffled)).toEqual(dataset);
    const other = generateDemoDataset(input, 'another-seed');
    expect(other.signals).not.toEqual(dataset.signals);
    expect(other.streetLights).not.toEqual(dataset.streetLights);
  });

  it('puts every point inside the neighbourhood it is assigned to', () => {
    const byCode = new Map(input.neighbourhoods.map((n) => [n.code, n]));
    for (const [layer, records] of pointLayers(dataset)) {
      expect(records.length, layer).toBeGreaterThan(0);
      const outside = records.filter((r) => {
        const neighbourhood = byCode.get(r.neighbourhood_code);
        return (
          !neighbourhood ||
          neighbourhood.municipality_nis !== r.municipality_nis ||
          !booleanPointInPolygon([r.lon, r.lat], neighbourhood.geometry)
        );
      });
      expect(outside, layer).toEqual([]);
    }
  });

  it('generalises signals and substandard dwellings to the 100 m Lambert 72 grid', () => {
    for (const record of [...dataset.signals, ...dataset.substandardDwellings]) {
      const [x, y] = toLambert72(record.lon, record.lat);
      expect(Math.abs(x - Math.round(x / 100) * 100)).toBeLessThan(0.05);
      expect(Math.abs(y - Math.round(y / 100) * 100)).toBeLessThan(0.05);
    }
  });

  it('estimates neighbourhood populations that sum exactly to the municipality totals', () => {
    for (const municipality of input.municipalities) {
      const values = dataset.indicators.filter(
        (v) =>
          v.indicator_code === 'population' &&
          v.area_level === 'neighbourhood' &&
          input.neighbourhoods.find((n) => n.code === v.area_code)?.municipality_nis === municipality.nis,
      );
      expect(values).toHaveLength(input.neighbourhoods.filter((n) => n.municipality_nis === municipality.nis).length);
      expect(values.reduce((sum, v) => sum + v.value, 0)).toBe(municipality.population_2020);
      const aggregate = dataset.indicators.find(
        (v) => v.area_level === 'municipality' && v.area_code === municipality.nis && v.indicator_code === 'population',
      );
      expect(aggregate?.value).toBe(municipality.population_2020);
    }
  });

  it('marks every indicator as an estimate, in plausible Flemish ranges', () => {
    expect(dataset.indicators.every((v) => v.is_estimate && v.period === '2025' && /geschat/.test(v.source))).toBe(
      true,
    );
    const range = (code: string) => dataset.indicators.filter((v) => v.indicator_code === code).map((v) => v.value);
    expect(Math.min(...range('share_65_plus'))).toBeGreaterThanOrEqual(13);
    expect(Math.max(...range('share_65_plus'))).toBeLessThanOrEqual(32);
    expect(Math.min(...range('share_80_plus_alone'))).toBeGreaterThanOrEqual(1.5);
    expect(Math.max(...range('share_80_plus_alone'))).toBeLessThanOrEqual(7.5);
    expect(Math.min(...range('median_income'))).toBeGreaterThanOrEqual(19_000);
    expect(Math.max(...range('median_income'))).toBeLessThanOrEqual(33_500);
  });

  it('concentrates signals in a few hotspots, one in Balen and one in Ravels, where need is higher', () => {
    const hotspotMunicipalities = dataset.hotspots.map(
      (code) => input.neighbourhoods.find((n) => n.code === code)?.municipality_nis,
    );
    expect(hotspotMunicipalities).toEqual(expect.arrayContaining(['13003', '13035']));

    const counts = new Map<string, number>();
    for (const signal of dataset.signals)
      counts.set(signal.neighbourhood_code, (counts.get(signal.neighbourhood_code) ?? 0) + 1);
    const rate = (code: string) => {
      const population = dataset.profiles.find((p) => p.code === code)?.population ?? 0;
      return (1000 * (counts.get(code) ?? 0)) / population;
    };
    const others = dataset.profiles
      .filter((p) => !dataset.hotspots.includes(p.code) && p.population >= 500)
      .map((p) => rate(p.code))
      .sort((a, b) => a - b);
    const median = others[Math.floor(others.length / 2)] ?? 0;
    for (const hotspot of dataset.hotspots) expect(rate(hotspot), hotspot).toBeGreaterThan(2.5 * median);

    const reimbursement = (code: string) =>
      dataset.indicators.find((v) => v.area_code === code && v.indicator_code === 'share_increased_reimbursement')
        ?.value ?? 0;
    const otherShares = dataset.profiles
      .filter((p) => !dataset.hotspots.includes(p.code))
      .map((p) => reimbursement(p.code))
      .sort((a, b) => a - b);
    for (const hotspot of dataset.hotspots)
      expect(reimbursement(hotspot)).toBeGreaterThan(otherShares[Math.floor(otherShares.length / 2)] ?? 0);
  });

  it('covers all ten categories over two years, with valid subcategories and no personal content', () => {
    expect(new Set(dataset.signals.map((s) => s.category_code))).toEqual(new Set(SIGNAL_CATEGORIES.map((c) => c.code)));
    for (const signal of dataset.signals) {
      const category = SIGNAL_CATEGORIES.find((c) => c.code === signal.category_code)!;
      if (signal.subcategory_code !== null)
        expect(category.subcategories.map((s) => s.code)).toContain(signal.subcategory_code);
      expect(signal.description).toBeNull();
      expect(signal.reported_at >= signal.observed_at).toBe(true);
    }
    expect(dataset.signals.some((s) => s.subcategory_code !== null)).toBe(true);
    // 1 November 2024 00:00 up to 31 October 2026 24:00, Brussels time (UTC+1 on both dates).
    expect(
      dataset.signals.every(
        (s) => s.observed_at >= '2024-10-31T23:00:00.000Z' && s.observed_at < '2026-10-31T23:00:00.000Z',
      ),
    ).toBe(true);
    expect(isoDay(dataset.signals[0]!.observed_at)).toBe(DEMO_FIRST_DAY);
  });

  it('shows seasons and handling: loneliness peaks in winter, old signals are mostly closed', () => {
    const loneliness = dataset.signals.filter((s) => s.category_code === 'loneliness');
    const inMonths = (months: string[]) => loneliness.filter((s) => months.includes(s.observed_at.slice(5, 7))).length;
    expect(inMonths(['12', '01', '02'])).toBeGreaterThan(1.4 * inMonths(['06', '07', '08']));
    const old = dataset.signals.filter((s) => s.observed_at < '2025-10-01');
    expect(old.filter((s) => s.status === 'closed').length / old.length).toBeGreaterThan(0.7);
    expect(dataset.signals.some((s) => s.status === 'new')).toBe(true);
  });

  it('has every service type in each pilot, mobile stops with a weekly schedule', () => {
    for (const municipality of input.municipalities) {
      const types = new Set(
        dataset.services.filter((s) => s.municipality_nis === municipality.nis).map((s) => s.service_type),
      );
      expect(types).toEqual(new Set(SERVICE_TYPES.map((t) => t.code)));
    }
    for (const service of dataset.services) {
      if (service.service_type !== 'mobile_stop') {
        expect(service.schedule).toBeNull();
        continue;
      }
      expect(service.schedule?.length).toBeGreaterThan(0);
      for (const slot of service.schedule ?? []) {
        expect(slot.weekday).toBeGreaterThanOrEqual(1);
        expect(slot.weekday).toBeLessThanOrEqual(7);
        expect(slot.start < slot.end).toBe(true);
        expect(slot.start).toMatch(/^[0-2][0-9]:[0-5][0-9]$/);
      }
    }
    const balen = dataset.services.filter((s) => s.municipality_nis === '13003');
    expect(new Set(balen.map((s) => s.name)).size).toBe(balen.length);
    // One GP practice per ~2,700 inhabitants.
    expect(balen.filter((s) => s.service_type === 'gp').length).toBe(Math.round(22_813 / 2_700));
  });

  it('has thousands of street lights, a minority defect and about 60 % LED', () => {
    const lights = dataset.streetLights;
    expect(lights.length).toBeGreaterThan(2_000);
    const defect = lights.filter((l) => l.status === 'defect').length / lights.length;
    expect(defect).toBeGreaterThan(0.01);
    expect(defect).toBeLessThan(0.08);
    const led = lights.filter((l) => l.lamp_type === 'led').length / lights.length;
    expect(led).toBeGreaterThan(0.4);
    expect(led).toBeLessThan(0.8);
    expect(new Set(lights.map((l) => l.external_id)).size).toBe(lights.length);
  });

  it('has social housing complexes of 8–120 units and substandard dwellings within the period', () => {
    expect(dataset.socialHousing.length).toBeGreaterThan(0);
    expect(dataset.socialHousing.every((c) => c.units >= 8 && c.units <= 120 && c.operator.length > 0)).toBe(true);
    expect(dataset.substandardDwellings.length).toBeGreaterThan(0);
    expect(new Set(dataset.substandardDwellings.map((d) => d.kind))).toEqual(
      new Set(['unfit', 'uninhabitable', 'overcrowded']),
    );
    expect(
      dataset.substandardDwellings.every((d) => d.recorded_on >= '2024-11-01' && d.recorded_on <= '2026-10-31'),
    ).toBe(true);
  });
});
