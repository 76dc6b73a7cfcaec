import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely table types. Geometry columns are typed `Geometry`: they are written through the
 * PostGIS helpers in `db/geo.ts` and never selected raw (queries select GeoJSON or x/y).
 */
export type Geometry = ColumnType<never, GeometryValue, GeometryValue>;
/** A PostGIS expression producing geometry, e.g. `sql<GeometryValue>\`ST_Point(...)\``. */
export interface GeometryValue { readonly __geometry: true }
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in (DEFAULT now()) unless one is given. */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both backends (see db/type-parsers.ts). */
type DateString = ColumnType<string, string, string>;

export interface RegionTable { code: string; name: string; geom: Geometry }

export interface MunicipalityTable {
  nis: string;
  name: string;
  region_code: string;
  province: string;
  population_2020: number | null;
  geom: Geometry;
}

export interface NeighbourhoodTable {
  code: string;
  name: string;
  municipality_nis: string;
  area_m2: number;
  geom: Geometry;
}

export interface StatisticalSectorTable { sector_code: string; neighbourhood_code: string; name: string }

export type LayerName =
  | 'signals' | 'services' | 'street_lights' | 'social_housing' | 'substandard_dwellings' | 'indicators';

export interface ImportRunTable {
  id: Generated<number>;
  layer: LayerName;
  source: string;
  file_name: string | null;
  row_count: Generated<number>;
  is_demo: Generated<boolean>;
  created_by: string | null;
  created_at: DefaultedTimestamp;
  undone_at: Timestamp | null;
}

export interface SignalCategoryTable {
  code: string;
  parent_code: string | null;
  name_nl: string;
  name_en: string;
  sort_order: Generated<number>;
}

/** Columns every point layer shares: the area it falls in, and where the record came from. */
interface PointRecordColumns {
  id: Generated<number>;
  geom: Geometry;
  neighbourhood_code: string;
  municipality_nis: string;
  is_demo: Generated<boolean>;
  import_run_id: number | null;
}

export interface SignalTable extends PointRecordColumns {
  category_code: string;
  subcategory_code: string | null;
  status: Generated<'new' | 'discussed' | 'referred' | 'followed_up' | 'closed'>;
  urgency: Generated<'low' | 'normal' | 'high'>;
  observed_at: Timestamp;
  reported_at: DefaultedTimestamp;
  reporter_partner_type: string;
  reporter_organisation_id: number | null;
  reporter_user_id: number | null;
  description: string | null;
  follow_up_requested: Generated<boolean>;
  idempotency_key: string | null;
}

export interface ServiceTable extends PointRecordColumns {
  service_type: string;
  name: string;
  address: string | null;
  schedule: ColumnType<unknown, string | null, string | null>;
}

export interface StreetLightTable extends PointRecordColumns {
  external_id: string | null;
  status: 'working' | 'defect';
  lamp_type: 'led' | 'other';
}

export interface SocialHousingComplexTable extends PointRecordColumns {
  name: string;
  operator: string | null;
  units: number;
}

export interface SubstandardDwellingTable extends PointRecordColumns {
  kind: 'unfit' | 'uninhabitable' | 'overcrowded';
  recorded_on: DateString;
}

export interface IndicatorValueTable {
  id: Generated<number>;
  area_level: 'neighbourhood' | 'municipality' | 'region';
  area_code: string;
  indicator_code: string;
  period: string;
  value: number;
  unit: string;
  source: string;
  is_estimate: Generated<boolean>;
  is_demo: Generated<boolean>;
  import_run_id: number | null;
}

export interface LayerVersionTable {
  layer: string;
  version: Generated<number>;
  changed_at: DefaultedTimestamp;
}

export interface Database {
  regions: RegionTable;
  municipalities: MunicipalityTable;
  neighbourhoods: NeighbourhoodTable;
  statistical_sectors: StatisticalSectorTable;
  import_runs: ImportRunTable;
  signal_categories: SignalCategoryTable;
  signals: SignalTable;
  services: ServiceTable;
  street_lights: StreetLightTable;
  social_housing_complexes: SocialHousingComplexTable;
  substandard_dwellings: SubstandardDwellingTable;
  indicator_values: IndicatorValueTable;
  layer_versions: LayerVersionTable;
}
