import type { importDetailsNlBE } from './import-details.nl-BE';

/**
 * The detail sentences of import problems in English. These also make the `problem` string the
 * import API returns (lib/imports/problems.ts), so changing one changes the API's text.
 */
export const importDetailsEn = {
  'admin.import.and': 'and',

  // The upload and the options
  'admin.problemDetail.unknown_layer': 'Unknown layer {layer}.',
  'admin.problemDetail.options_not_object': 'Import options must be an object.',
  'admin.problemDetail.option_not_map': 'Import option sectorTable must be a Map.',
  'admin.problemDetail.option_not_positive_integer': 'Import option {option} must be a positive whole number.',
  'admin.problemDetail.invalid_option': 'Import option {option} {message}.',
  'admin.problemDetail.invalid_period_option': 'Import option period must be a year (2024) or a date (2024-01-01).',
  'admin.problemDetail.no_file': 'No file was received.',
  'admin.problemDetail.file_empty': 'The file is empty.',
  'admin.problemDetail.file_too_large': 'The file is {size} MB; at most {max} MB can be imported at once.',
  'admin.problemDetail.unsupported_extension':
    '.{extension} files cannot be imported: save the data as CSV (.csv) or GeoJSON (.geojson).',
  'admin.problemDetail.zip_archive':
    'The file is a zip archive or an Excel workbook (.xlsx): save it as "CSV UTF-8" or GeoJSON first.',
  'admin.problemDetail.old_excel': 'The file is an old Excel workbook (.xls): save it as "CSV UTF-8" first.',
  'admin.problemDetail.invalid_utf16': 'The file says it is UTF-16 but contains invalid characters.',
  'admin.problemDetail.nul_byte': 'The file is not a text file (it contains a NUL byte on line {line}).',
  'admin.problemDetail.invalid_utf8':
    'The file is not valid UTF-8 (line {line} has a byte that is not UTF-8, as in files saved as Windows-1252/ANSI). Save it as "CSV UTF-8", or choose the encoding windows-1252.',
  'admin.problemDetail.indicators_not_geojson': 'Indicator values are imported from CSV, not GeoJSON.',
  'admin.problemDetail.no_data_rows': 'The file has a header but no data rows.',
  'admin.problemDetail.nothing_to_import': 'The file gives no value that can be imported (only rows that are skipped).',

  // CSV
  'admin.problemDetail.no_delimiter':
    'The first line has no column separator (";", ",", tab or "|"): is this a CSV file with a header line?',
  'admin.problemDetail.too_many_rows': 'The file has more than {max} data rows; split it into smaller files.',
  'admin.problemDetail.csv_quote_not_closed':
    'A quoted cell is never closed (line {line}): check for a missing " in that row.',
  'admin.problemDetail.csv_closing_quote':
    'A quoted cell has text after its closing quote (line {line}): put the whole cell in quotes and double the " inside it.',
  'admin.problemDetail.csv_row_too_long':
    'A row is longer than {max} characters (line {line}): probably a " that is never closed.',
  'admin.problemDetail.csv_library_error': 'The file is not valid CSV (line {line}): {message}',
  'admin.problemDetail.csv_library_error_no_line': 'The file is not valid CSV: {message}',
  'admin.problemDetail.csv_invalid': 'The file is not valid CSV.',
  'admin.problemDetail.extra_cells':
    'has {count} more cell(s) than the header: a value with the separator in it must be in quotes.',

  // Columns
  'admin.problemDetail.unknown_field': 'There is no field "{field}" to map a column to; fields are: {fields}.',
  'admin.problemDetail.chosen_column_missing': 'The chosen column "{column}" for {field} is not in the file.',
  'admin.problemDetail.column_chosen_twice': 'The column "{column}" is chosen for two fields.',
  'admin.problemDetail.ambiguous_columns':
    'The columns {columns} all look like {field}; keep one or choose which to use.',
  'admin.problemDetail.no_column_for': 'The file has no column for {field} (accepted names: {aliases}).',
  'admin.problemDetail.sector_and_neighbourhood':
    'The file has both a sector and a neighbourhood column; keep one of them.',
  'admin.problemDetail.no_area_column':
    'The file needs a column with statistical sector codes (e.g. CD_SECTOR) or neighbourhood codes (e.g. wijk).',
  'admin.problemDetail.no_indicator_column':
    'The file has no indicator column: add one or choose the indicator for the whole file.',
  'admin.problemDetail.no_period_column':
    'The file has no period column (e.g. jaar): add one or choose the period for the whole file.',

  // GeoJSON
  'admin.problemDetail.json_invalid_at': 'The file is not valid JSON (line {line}, column {column}): {message}.',
  'admin.problemDetail.json_invalid': 'The file is not valid JSON: {message}.',
  'admin.problemDetail.not_feature_collection_type': 'The file must be a GeoJSON FeatureCollection (it is a {type}).',
  'admin.problemDetail.not_feature_collection': 'The file must be a GeoJSON FeatureCollection.',
  'admin.problemDetail.no_features_list': 'The FeatureCollection has no "features" list.',
  'admin.problemDetail.no_features': 'The FeatureCollection has no features.',
  'admin.problemDetail.too_many_features': 'The file has more than {max} features; split it into smaller files.',
  'admin.problemDetail.unsupported_crs':
    'The file declares the coordinate system {crs}; export it as WGS84 (EPSG:4326) or Belgian Lambert 72 (EPSG:31370).',
  'admin.problemDetail.not_a_feature': 'is not a GeoJSON Feature.',
  'admin.problemDetail.properties_not_object': 'properties must be an object.',
  'admin.problemDetail.geometry_missing': 'is missing: the feature has no point.',
  'admin.problemDetail.geometry_not_object': 'must be a GeoJSON geometry object.',
  'admin.problemDetail.multipoint_several': 'is a MultiPoint with several points; only single points can be imported.',
  'admin.problemDetail.geometry_not_point': 'is a {type}; only Point features can be imported.',
  'admin.problemDetail.coordinates_shape': 'has coordinates that are not [longitude, latitude] (or [x, y]).',
  'admin.problemDetail.coordinates_not_numbers': 'has coordinates {coordinates}; they must be two numbers.',

  // Values in a row
  'admin.problemDetail.structured_value': 'must be text, not a list or an object.',
  'admin.problemDetail.value_required': 'is empty; a value is required.',
  'admin.problemDetail.number_required': 'is empty; a number is required.',
  'admin.problemDetail.coordinate_required': 'is empty; a coordinate is required.',
  'admin.problemDetail.too_long': 'is {length} characters long; at most {max} are allowed.',
  'admin.problemDetail.control_characters': 'contains control characters.',
  'admin.problemDetail.unknown_choice': '{value} is not one of: {allowed}.',
  'admin.problemDetail.not_a_number': '{value} is not a number (write 4,35 or 4.35, without thousands separators).',
  'admin.problemDetail.dwellings': '{value} must be a whole number of dwellings from 1 to {max}.',
  'admin.problemDetail.invalid_sector_code': '{value} must be a statistical sector code such as 13003A00-.',
  'admin.problemDetail.invalid_neighbourhood_code': '{value} must be a neighbourhood code such as 1300301.',
  'admin.problemDetail.invalid_period': '{value} must be a year (2024) or a date (2024-01-01).',
  'admin.problemDetail.percentage_out_of_range': '{value} is outside 0–100 (a percentage).',
  'admin.problemDetail.value_out_of_range': '{value} is outside the allowed range (0 or more).',
  'admin.problemDetail.negative_weight': '{value} must be 0 or more.',
  'admin.problemDetail.duplicate_row': 'repeats row {row} ({key}).',
  'admin.problemDetail.unknown_neighbourhood': '{code} is not a Flemish neighbourhood code.',

  // Coordinates: {xName} and {yName} are the file's column names
  'admin.problemDetail.swapped_wgs84':
    '{xName} {x}, {yName} {y} look swapped: in Flanders the longitude is {minLon}–{maxLon} and the latitude {minLat}–{maxLat}.',
  'admin.problemDetail.swapped_lambert72':
    '{xName} {x}, {yName} {y} look swapped: in Flanders Lambert 72 x is {minX}–{maxX} and y {minY}–{maxY}.',
  'admin.problemDetail.swapped_file':
    'In {count} of {total} rows {xName} and {yName} look swapped: check which column holds which coordinate.',
  'admin.problemDetail.lambert72_read_as_wgs84':
    '{xName} {x}, {yName} {y} are metres (Belgian Lambert 72 (EPSG:31370) metres), but the file is read as WGS84 longitude/latitude.',
  'admin.problemDetail.lambert2008_read_as_wgs84':
    '{xName} {x}, {yName} {y} are metres (apparently Belgian Lambert 2008 (EPSG:3812), which is not supported: export as Lambert 72 or WGS84), but the file is read as WGS84 longitude/latitude.',
  'admin.problemDetail.web_mercator_read_as_wgs84':
    '{xName} {x}, {yName} {y} are metres (apparently Web Mercator (EPSG:3857), which is not supported: export as Lambert 72 or WGS84), but the file is read as WGS84 longitude/latitude.',
  'admin.problemDetail.utm31_read_as_wgs84':
    '{xName} {x}, {yName} {y} are metres (apparently UTM zone 31N, which is not supported: export as Lambert 72 or WGS84), but the file is read as WGS84 longitude/latitude.',
  'admin.problemDetail.far_metres_read_as_wgs84':
    '{xName} {x}, {yName} {y} are metres (metres outside Flanders), but the file is read as WGS84 longitude/latitude.',
  'admin.problemDetail.degrees_read_as_lambert72':
    '{xName} {x}, {yName} {y} are WGS84 degrees, but the file is read as Belgian Lambert 72 (EPSG:31370).',
  'admin.problemDetail.lambert2008_read_as_lambert72':
    '{xName} {x}, {yName} {y} are apparently Belgian Lambert 2008 (EPSG:3812), which is not supported: export as Lambert 72 or WGS84, but the file is read as Belgian Lambert 72 (EPSG:31370).',
  'admin.problemDetail.web_mercator_read_as_lambert72':
    '{xName} {x}, {yName} {y} are apparently Web Mercator (EPSG:3857), which is not supported: export as Lambert 72 or WGS84, but the file is read as Belgian Lambert 72 (EPSG:31370).',
  'admin.problemDetail.utm31_read_as_lambert72':
    '{xName} {x}, {yName} {y} are apparently UTM zone 31N, which is not supported: export as Lambert 72 or WGS84, but the file is read as Belgian Lambert 72 (EPSG:31370).',
  'admin.problemDetail.outside_flanders': '{xName} {x}, {yName} {y} lie outside Flanders.',
  'admin.problemDetail.outside_neighbourhoods':
    'longitude {lon}, latitude {lat} (WGS84) lie in no Flemish neighbourhood: Brussels, Wallonia and places across the border cannot be imported.',

  // Statistical sectors rolled up to neighbourhoods
  'admin.problemDetail.sector_table_missing':
    'Sector codes can only be rolled up to neighbourhoods with the sector table.',
  'admin.problemDetail.sector_not_localised': '{sector} counts people not localised to a sector; the row is skipped.',
  'admin.problemDetail.unknown_sector':
    '{sector} is not a statistical sector in the sector table (Statbel codes of 2024).',
  'admin.problemDetail.duplicate_sector': '{sector} already has a value for {indicator} {period} (row {row}).',
  'admin.problemDetail.weight_required':
    'is needed to average {indicator} over the sectors of a neighbourhood (e.g. the population).',
  'admin.problemDetail.zero_weights':
    'All sectors of neighbourhood {neighbourhood} have weight 0, so {indicator} {period} has no value there.',
  'admin.problemDetail.incomplete_neighbourhood':
    'Neighbourhood {neighbourhood} has {sectors} sectors; the file gives {indicator} {period} for {given} of them.',
} as const satisfies Record<keyof typeof importDetailsNlBE, string>;
