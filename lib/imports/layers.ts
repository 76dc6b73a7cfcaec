import { neighbourhoodCode, sectorCode } from '@/lib/areas/codes';
import { INDICATORS, type IndicatorCode } from '@/lib/indicators/catalog';
import { SERVICE_TYPES, type ServiceTypeCode } from '@/lib/services/service-types';
import { type ImportDetail, detail } from './problem-detail';
import { type ImportProblem, quote, rowProblem } from './problems';
import { type RawValue, cellText, isStructured, normaliseName, parseDecimal } from './values';

/**
 * What each importable layer expects per row: the columns (with the names Flemish files use
 * for them), which are required, and which values are allowed. Lookups of allowed values are
 * case- and accent-insensitive and take the Dutch or English name as well as the code, so
 * "Apotheek" and "pharmacy" both work, but a value outside the list is an error, never a guess.
 */
export const IMPORT_LAYERS = ['services', 'street_lights', 'social_housing', 'indicators'] as const;
export type ImportLayer = (typeof IMPORT_LAYERS)[number];

export interface ColumnSpec {
  key: string;
  /** Normalised names (see normaliseName) that are taken as this column, best first. */
  aliases: readonly string[];
  required: boolean;
}

/** The coordinate columns of point layers in CSV files: x/longitude first, y/latitude second. */
export const COORDINATE_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'x',
    required: true,
    aliases: [
      'x',
      'lon',
      'lng',
      'long',
      'longitude',
      'lengtegraad',
      'x_coord',
      'x_coordinaat',
      'xcoord',
      'coord_x',
      'coordinaat_x',
      'easting',
      'oost',
      'x_lambert',
      'lambert_x',
      'x_l72',
      'point_x',
    ],
  },
  {
    key: 'y',
    required: true,
    aliases: [
      'y',
      'lat',
      'latitude',
      'breedtegraad',
      'y_coord',
      'y_coordinaat',
      'ycoord',
      'coord_y',
      'coordinaat_y',
      'northing',
      'noord',
      'y_lambert',
      'lambert_y',
      'y_l72',
      'point_y',
    ],
  },
];

export const STREET_LIGHT_STATUSES = ['working', 'defect'] as const;
export const LAMP_TYPES = ['led', 'other'] as const;
export const MAX_HOUSING_UNITS = 5000;

export interface ServiceRow {
  row: number;
  lon: number;
  lat: number;
  serviceType: ServiceTypeCode;
  name: string;
  address: string | null;
}
export interface StreetLightRow {
  row: number;
  lon: number;
  lat: number;
  externalId: string | null;
  status: (typeof STREET_LIGHT_STATUSES)[number];
  lampType: (typeof LAMP_TYPES)[number];
}
export interface SocialHousingRow {
  row: number;
  lon: number;
  lat: number;
  name: string;
  operator: string | null;
  units: number;
}
export interface IndicatorRow {
  row: number;
  areaLevel: 'sector' | 'neighbourhood';
  areaCode: string;
  indicator: IndicatorCode;
  period: string;
  value: number;
  /** For a weighted roll-up of sector values (e.g. the population); null when not given. */
  weight: number | null;
}

export interface LayerRows {
  services: ServiceRow;
  street_lights: StreetLightRow;
  social_housing: SocialHousingRow;
  indicators: IndicatorRow;
}
export type ImportRow = LayerRows[ImportLayer];

/** Values for the whole file, for columns a file does not have (e.g. a Statbel export). */
export interface FileDefaults {
  indicator?: IndicatorCode;
  period?: string;
}

/** Reads the cell of a column key (undefined when the file has no such column) and names it for messages. */
export interface RowCells {
  /** Whether the file has this column at all. */
  has(key: string): boolean;
  get(key: string): RawValue;
  label(key: string): string;
}

export interface LayerSpec<L extends ImportLayer> {
  layer: L;
  hasCoordinates: boolean;
  columns: readonly ColumnSpec[];
  /** A problem with the set of columns as a whole (beyond missing required ones), or null. */
  checkColumns?(present: ReadonlySet<string>, defaults: FileDefaults): ImportDetail | null;
  /** Builds a row's attributes (everything but coordinates), reporting every problem found. */
  build(
    cells: RowCells,
    row: number,
    defaults: FileDefaults,
  ): { value: Omit<LayerRows[L], 'row' | 'lon' | 'lat'> | null; problems: ImportProblem[] };
}

// ---------------------------------------------------------------------------------------------
// Cell readers: each returns the value or pushes a problem naming the row and the column.

type Problems = ImportProblem[];

function text(
  cells: RowCells,
  key: string,
  row: number,
  problems: Problems,
  { required, max }: { required: boolean; max: number },
): string | null {
  const raw = cells.get(key);
  if (isStructured(raw)) {
    problems.push(rowProblem(row, cells.label(key), 'invalid_format', detail('structured_value')));
    return null;
  }
  const value = cellText(raw);
  if (value === null) {
    if (required) problems.push(rowProblem(row, cells.label(key), 'required', detail('value_required')));
    return null;
  }
  if (value.length > max) {
    problems.push(rowProblem(row, cells.label(key), 'too_long', detail('too_long', { length: value.length, max })));
    return null;
  }
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) {
    problems.push(rowProblem(row, cells.label(key), 'invalid_format', detail('control_characters')));
    return null;
  }
  return value;
}

/** A lookup of allowed values by normalised spelling → code. */
type Choices<T extends string> = ReadonlyMap<string, T>;

function choices<T extends string>(entries: readonly (readonly [T, readonly string[]])[]): Choices<T> {
  const map = new Map<string, T>();
  for (const [code, spellings] of entries)
    for (const spelling of [code, ...spellings]) map.set(normaliseName(spelling), code);
  return map;
}

function choice<T extends string>(
  cells: RowCells,
  key: string,
  row: number,
  problems: Problems,
  allowed: Choices<T>,
  shown: readonly string[],
): T | null {
  const value = text(cells, key, row, problems, { required: true, max: 200 });
  if (value === null) return null;
  const code = allowed.get(normaliseName(value));
  if (code === undefined) {
    problems.push(
      rowProblem(
        row,
        cells.label(key),
        'unknown_value',
        detail('unknown_choice', { value: quote(value), allowed: shown.join(', ') }),
      ),
    );
    return null;
  }
  return code;
}

function decimal(cells: RowCells, key: string, row: number, problems: Problems, required: boolean): number | null {
  const raw = cells.get(key);
  if (cellText(raw) === null && !isStructured(raw)) {
    if (required) problems.push(rowProblem(row, cells.label(key), 'required', detail('number_required')));
    return null;
  }
  const value = parseDecimal(raw);
  if (value === null) {
    problems.push(rowProblem(row, cells.label(key), 'not_a_number', detail('not_a_number', { value: quote(raw) })));
  }
  return value;
}

// ---------------------------------------------------------------------------------------------

const SERVICE_CHOICES = choices(SERVICE_TYPES.map((type) => [type.code, [type.nl, type.en]] as const));

const services: LayerSpec<'services'> = {
  layer: 'services',
  hasCoordinates: true,
  columns: [
    {
      key: 'service_type',
      required: true,
      aliases: [
        'service_type',
        'type',
        'soort',
        'dienst',
        'type_dienst',
        'categorie',
        'category',
        'voorziening',
        'type_voorziening',
      ],
    },
    { key: 'name', required: true, aliases: ['name', 'naam', 'benaming', 'titel', 'title'] },
    { key: 'address', required: false, aliases: ['address', 'adres', 'straat_en_nummer', 'adres_volledig'] },
  ],
  build(cells, row) {
    const problems: Problems = [];
    const serviceType = choice(
      cells,
      'service_type',
      row,
      problems,
      SERVICE_CHOICES,
      SERVICE_TYPES.map((type) => type.code),
    );
    const name = text(cells, 'name', row, problems, { required: true, max: 200 });
    const address = text(cells, 'address', row, problems, { required: false, max: 300 });
    if (serviceType === null || name === null || problems.length > 0) return { value: null, problems };
    return { value: { serviceType, name, address }, problems };
  },
};

const STATUS_CHOICES = choices([
  ['working', ['ok', 'werkend', 'werkt', 'in orde', 'in werking', 'functioning', 'operational', 'aan']],
  ['defect', ['defective', 'kapot', 'stuk', 'broken', 'buiten dienst', 'storing', 'out of order', 'faulty', 'panne']],
] as const);
/** Lamp technologies that are not LED count as "other"; a typo still is an error. */
const LAMP_CHOICES = choices([
  ['led', ['led lamp', 'ledlamp', 'leds']],
  [
    'other',
    [
      'andere',
      'ander',
      'overige',
      'autre',
      'niet led',
      'non led',
      'natrium',
      'natriumdamp',
      'sodium',
      'son',
      'sox',
      'hps',
      'hpl',
      'kwik',
      'kwikdamp',
      'mercury',
      'tl',
      'pl',
      'fluorescent',
      'fluo',
      'halogeen',
      'halogen',
      'metaalhalide',
      'metal halide',
      'cdm',
      'cosmopolis',
    ],
  ],
] as const);

const streetLights: LayerSpec<'street_lights'> = {
  layer: 'street_lights',
  hasCoordinates: true,
  columns: [
    {
      key: 'external_id',
      required: false,
      aliases: [
        'external_id',
        'id',
        'lamp_id',
        'lichtpunt',
        'lichtpunt_id',
        'lichtpuntnummer',
        'paalnummer',
        'paal',
        'nummer',
        'number',
        'objectid',
        'fid',
      ],
    },
    { key: 'status', required: true, aliases: ['status', 'staat', 'toestand', 'werking', 'state'] },
    {
      key: 'lamp_type',
      required: true,
      aliases: ['lamp_type', 'lamptype', 'type_lamp', 'lamp', 'type', 'soort', 'lichtbron', 'light_source'],
    },
  ],
  build(cells, row) {
    const problems: Problems = [];
    const externalId = text(cells, 'external_id', row, problems, { required: false, max: 64 });
    const status = choice(cells, 'status', row, problems, STATUS_CHOICES, STREET_LIGHT_STATUSES);
    const lampType = choice(cells, 'lamp_type', row, problems, LAMP_CHOICES, LAMP_TYPES);
    if (status === null || lampType === null || problems.length > 0) return { value: null, problems };
    return { value: { externalId, status, lampType }, problems };
  },
};

const socialHousing: LayerSpec<'social_housing'> = {
  layer: 'social_housing',
  hasCoordinates: true,
  columns: [
    { key: 'name', required: true, aliases: ['name', 'naam', 'project', 'complex', 'naam_complex', 'benaming'] },
    {
      key: 'operator',
      required: false,
      aliases: [
        'operator',
        'beheerder',
        'woonmaatschappij',
        'maatschappij',
        'huisvestingsmaatschappij',
        'shm',
        'eigenaar',
        'verhuurder',
      ],
    },
    {
      key: 'units',
      required: true,
      aliases: [
        'units',
        'woningen',
        'aantal_woningen',
        'wooneenheden',
        'aantal_wooneenheden',
        'aantal',
        'eenheden',
        'number_of_units',
      ],
    },
  ],
  build(cells, row) {
    const problems: Problems = [];
    const name = text(cells, 'name', row, problems, { required: true, max: 200 });
    const operator = text(cells, 'operator', row, problems, { required: false, max: 200 });
    const units = decimal(cells, 'units', row, problems, true);
    if (units !== null && (!Number.isInteger(units) || units < 1 || units > MAX_HOUSING_UNITS)) {
      problems.push(
        rowProblem(
          row,
          cells.label('units'),
          units % 1 === 0 ? 'out_of_range' : 'not_an_integer',
          detail('dwellings', { value: units, max: MAX_HOUSING_UNITS }),
        ),
      );
    }
    if (name === null || units === null || problems.length > 0) return { value: null, problems };
    return { value: { name, operator, units }, problems };
  },
};

const INDICATOR_CHOICES = choices(
  INDICATORS.map((indicator) => [indicator.code, [indicator.nl, indicator.en]] as const),
);
/** A year (Statbel's reference year) or a reference day. */
export const PERIOD = /^(199[0-9]|20[0-9]{2}|2100)(-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))?$/;
export const isPeriod = (text: string) =>
  PERIOD.test(text) && (text.length === 4 || new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text);

const indicators: LayerSpec<'indicators'> = {
  layer: 'indicators',
  hasCoordinates: false,
  columns: [
    {
      key: 'sector',
      required: false,
      aliases: [
        'sector',
        'sector_code',
        'sectorcode',
        'cd_sector',
        'statistische_sector',
        'stat_sector',
        'statistical_sector',
      ],
    },
    {
      key: 'neighbourhood',
      required: false,
      aliases: [
        'neighbourhood',
        'neighbourhood_code',
        'wijk',
        'wijkcode',
        'wijk_code',
        'buurt',
        'buurtcode',
        'buurt_code',
      ],
    },
    { key: 'indicator', required: false, aliases: ['indicator', 'indicator_code', 'indicatorcode'] },
    {
      key: 'period',
      required: false,
      aliases: ['period', 'periode', 'jaar', 'year', 'cd_year', 'referentiejaar', 'reference_year'],
    },
    { key: 'value', required: true, aliases: ['value', 'waarde', 'ms_value'] },
    {
      key: 'weight',
      required: false,
      aliases: ['weight', 'gewicht', 'weging', 'population', 'bevolking', 'inwoners', 'ms_population'],
    },
  ],
  checkColumns(present, defaults) {
    if (present.has('sector') && present.has('neighbourhood')) return detail('sector_and_neighbourhood');
    if (!present.has('sector') && !present.has('neighbourhood')) return detail('no_area_column');
    if (!present.has('indicator') && !defaults.indicator) return detail('no_indicator_column');
    if (!present.has('period') && !defaults.period) return detail('no_period_column');
    return null;
  },
  build(cells, row, defaults) {
    const problems: Problems = [];
    const sector = cells.has('sector');
    const level = sector ? 'sector' : 'neighbourhood';
    const areaText = text(cells, level, row, problems, { required: true, max: 20 });
    let areaCode: string | null = null;
    if (areaText !== null) {
      const candidate = sector ? areaText.toUpperCase() : areaText;
      // The schemas' one check is their pattern, so their message is known: the templates say it.
      if ((sector ? sectorCode : neighbourhoodCode).safeParse(candidate).success) areaCode = candidate;
      else
        problems.push(
          rowProblem(
            row,
            cells.label(level),
            'invalid_format',
            detail(sector ? 'invalid_sector_code' : 'invalid_neighbourhood_code', { value: quote(areaText) }),
          ),
        );
    }
    const indicator =
      !cells.has('indicator') && defaults.indicator
        ? defaults.indicator
        : choice(
            cells,
            'indicator',
            row,
            problems,
            INDICATOR_CHOICES,
            INDICATORS.map((i) => i.code),
          );
    const periodText =
      !cells.has('period') && defaults.period
        ? defaults.period
        : text(cells, 'period', row, problems, { required: true, max: 10 });
    let period: string | null = null;
    if (periodText !== null) {
      if (isPeriod(periodText)) period = periodText;
      else
        problems.push(
          rowProblem(
            row,
            cells.label('period'),
            'invalid_format',
            detail('invalid_period', { value: quote(periodText) }),
          ),
        );
    }
    const value = decimal(cells, 'value', row, problems, true);
    const catalogue = INDICATORS.find((entry) => entry.code === indicator);
    if (value !== null && catalogue) {
      const max = catalogue.unit === '%' ? 100 : Number.MAX_SAFE_INTEGER;
      if (value < 0 || value > max) {
        problems.push(
          rowProblem(
            row,
            cells.label('value'),
            'out_of_range',
            detail(catalogue.unit === '%' ? 'percentage_out_of_range' : 'value_out_of_range', { value }),
          ),
        );
      }
    }
    const weight = decimal(cells, 'weight', row, problems, false);
    if (weight !== null && weight < 0)
      problems.push(
        rowProblem(row, cells.label('weight'), 'out_of_range', detail('negative_weight', { value: weight })),
      );
    if (areaCode === null || indicator === null || period === null || value === null || problems.length > 0)
      return { value: null, problems };
    return { value: { areaLevel: level, areaCode, indicator, period, value, weight }, problems };
  },
};

export const LAYER_SPECS: { [L in ImportLayer]: LayerSpec<L> } = {
  services,
  street_lights: streetLights,
  social_housing: socialHousing,
  indicators,
};
