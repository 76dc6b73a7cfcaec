import type { MultiPolygon, Polygon } from 'geojson';
import type { IndicatorCode } from '@/lib/indicators/catalog';
import type { ScheduleSlot } from '@/lib/services/schedule';
import type { ServiceTypeCode } from '@/lib/services/service-types';
import type { PartnerType, SignalCategoryCode, SignalStatus } from '@/lib/signals/categories';

/** A municipality of the demo area, as the seeder reads it from the database. */
export interface DemoMunicipalityInput {
  nis: string;
  name: string;
  region_code: string;
  population_2020: number | null;
}

/** A neighbourhood of the demo area with its boundary (GeoJSON, EPSG:4326). */
export interface DemoNeighbourhoodInput {
  code: string;
  name: string;
  municipality_nis: string;
  area_m2: number;
  geometry: Polygon | MultiPolygon;
}

export interface DemoInput {
  municipalities: readonly DemoMunicipalityInput[];
  neighbourhoods: readonly DemoNeighbourhoodInput[];
}

/** Where a generated record lies: WGS84 coordinates and the neighbourhood that contains them. */
export interface DemoLocation {
  lon: number;
  lat: number;
  neighbourhood_code: string;
  municipality_nis: string;
}

export interface DemoSignal extends DemoLocation {
  category_code: SignalCategoryCode;
  subcategory_code: string | null;
  status: SignalStatus;
  urgency: 'low' | 'normal' | 'high';
  /** ISO 8601 timestamps in UTC. */
  observed_at: string;
  reported_at: string;
  reporter_partner_type: PartnerType;
  follow_up_requested: boolean;
  /** Always null: a demo never invents what someone told a care partner. */
  description: null;
}

export interface DemoService extends DemoLocation {
  service_type: ServiceTypeCode;
  name: string;
  address: null;
  schedule: ScheduleSlot[] | null;
}

export interface DemoStreetLight extends DemoLocation {
  external_id: string;
  status: 'working' | 'defect';
  lamp_type: 'led' | 'other';
}

export interface DemoSocialHousingComplex extends DemoLocation {
  name: string;
  operator: string;
  units: number;
}

export interface DemoSubstandardDwelling extends DemoLocation {
  kind: 'unfit' | 'uninhabitable' | 'overcrowded';
  /** 'YYYY-MM-DD'. */
  recorded_on: string;
}

export interface DemoIndicatorValue {
  area_level: 'neighbourhood' | 'municipality';
  area_code: string;
  indicator_code: IndicatorCode;
  period: string;
  value: number;
  unit: string;
  source: string;
  is_estimate: true;
}

/** What the generator knows about one neighbourhood; drives every layer. */
export interface NeighbourhoodProfile {
  code: string;
  municipalityNis: string;
  /** Estimated inhabitants; the estimates of a municipality sum to its population_2020. */
  population: number;
  /** Latent social need (≈ standard normal, hotspots well above 0). */
  need: number;
  /** Latent ageing of the population (≈ standard normal). */
  ageing: number;
  isPilot: boolean;
  /** Signal rate multiplier of a deliberate hotspot (1 elsewhere). */
  hotspotFactor: number;
  /** Categories reported more often in this hotspot. */
  hotspotCategories: readonly SignalCategoryCode[];
  /** Share of street lights that are defect. */
  defectRate: number;
}

export interface DemoDataset {
  seed: string;
  /** Codes of the neighbourhoods given a deliberately raised signal rate. */
  hotspots: string[];
  profiles: NeighbourhoodProfile[];
  signals: DemoSignal[];
  services: DemoService[];
  streetLights: DemoStreetLight[];
  socialHousing: DemoSocialHousingComplex[];
  substandardDwellings: DemoSubstandardDwelling[];
  indicators: DemoIndicatorValue[];
}
