/**
 * The detail sentence of each import problem (lib/imports/problem-detail.ts), in Dutch. Part of
 * the nl-BE dictionary; kept apart because there are many. A sentence that starts in lower
 * case follows the column it is about ("naam" | "is leeg; …"). `{message}` is a library's own
 * English text (JSON.parse, zod, csv-parse), quoted as it is.
 */
export const importDetailsNlBE = {
  'admin.import.and': 'en',

  // The upload and the options
  'admin.problemDetail.unknown_layer': 'Onbekende kaartlaag {layer}.',
  'admin.problemDetail.options_not_object': 'De importinstellingen moeten een object zijn.',
  'admin.problemDetail.option_not_map': 'Importinstelling sectorTable moet een Map zijn.',
  'admin.problemDetail.option_not_positive_integer': 'Importinstelling {option} moet een positief geheel getal zijn.',
  'admin.problemDetail.invalid_option': 'Importinstelling {option} klopt niet: {message}.',
  'admin.problemDetail.invalid_period_option':
    'Importinstelling period moet een jaar (2024) of een datum (2024-01-01) zijn.',
  'admin.problemDetail.no_file': 'Er is geen bestand ontvangen.',
  'admin.problemDetail.file_empty': 'Het bestand is leeg.',
  'admin.problemDetail.file_too_large': 'Het bestand is {size} MB; je kan hoogstens {max} MB in één keer importeren.',
  'admin.problemDetail.unsupported_extension':
    '.{extension}-bestanden kan je niet importeren: bewaar de gegevens als CSV (.csv) of GeoJSON (.geojson).',
  'admin.problemDetail.zip_archive':
    'Het bestand is een zip-archief of een Excel-werkmap (.xlsx): bewaar het eerst als "CSV UTF-8" of GeoJSON.',
  'admin.problemDetail.old_excel': 'Het bestand is een oude Excel-werkmap (.xls): bewaar het eerst als "CSV UTF-8".',
  'admin.problemDetail.invalid_utf16': 'Het bestand zegt dat het UTF-16 is, maar bevat ongeldige tekens.',
  'admin.problemDetail.nul_byte': 'Het bestand is geen tekstbestand (er staat een NUL-byte op lijn {line}).',
  'admin.problemDetail.invalid_utf8':
    'Het bestand is geen geldige UTF-8 (lijn {line} bevat een byte die geen UTF-8 is, zoals in bestanden bewaard als Windows-1252/ANSI). Bewaar het als "CSV UTF-8" of kies de tekencodering windows-1252.',
  'admin.problemDetail.indicators_not_geojson': 'Indicatorwaarden importeer je uit CSV, niet uit GeoJSON.',
  'admin.problemDetail.no_data_rows': 'Het bestand heeft een kopregel maar geen gegevensrijen.',
  'admin.problemDetail.nothing_to_import':
    'Het bestand bevat geen enkele waarde om te importeren (alleen rijen die overgeslagen worden).',

  // CSV
  'admin.problemDetail.no_delimiter':
    'De eerste lijn heeft geen scheidingsteken (";", ",", tab of "|"): is dit wel een CSV-bestand met een kopregel?',
  'admin.problemDetail.too_many_rows':
    'Het bestand heeft meer dan {max} gegevensrijen; splits het op in kleinere bestanden.',
  'admin.problemDetail.csv_quote_not_closed':
    'Een cel tussen aanhalingstekens wordt nergens afgesloten (lijn {line}): kijk na of er in die rij een " ontbreekt.',
  'admin.problemDetail.csv_closing_quote':
    'Een cel tussen aanhalingstekens heeft nog tekst na het sluitende aanhalingsteken (lijn {line}): zet de hele cel tussen aanhalingstekens en verdubbel de " erin.',
  'admin.problemDetail.csv_row_too_long':
    'Een rij is langer dan {max} tekens (lijn {line}): wellicht een " die nergens afgesloten wordt.',
  'admin.problemDetail.csv_library_error': 'Het bestand is geen geldige CSV (lijn {line}): {message}',
  'admin.problemDetail.csv_library_error_no_line': 'Het bestand is geen geldige CSV: {message}',
  'admin.problemDetail.csv_invalid': 'Het bestand is geen geldige CSV.',
  'admin.problemDetail.extra_cells':
    'heeft {count} cel(len) meer dan de kopregel: zet een waarde met het scheidingsteken erin tussen aanhalingstekens.',

  // Columns
  'admin.problemDetail.unknown_field':
    'Er is geen veld "{field}" om een kolom aan te koppelen; de velden zijn: {fields}.',
  'admin.problemDetail.chosen_column_missing': 'De gekozen kolom "{column}" voor {field} staat niet in het bestand.',
  'admin.problemDetail.column_chosen_twice': 'De kolom "{column}" is voor twee velden gekozen.',
  'admin.problemDetail.ambiguous_columns':
    'De kolommen {columns} lijken allemaal op {field}; hou er één over of kies welke je gebruikt.',
  'admin.problemDetail.no_column_for': 'Het bestand heeft geen kolom voor {field} (aanvaarde namen: {aliases}).',
  'admin.problemDetail.sector_and_neighbourhood':
    'Het bestand heeft zowel een sector- als een buurtkolom; hou er één van over.',
  'admin.problemDetail.no_area_column':
    'Het bestand heeft een kolom nodig met codes van statistische sectoren (bv. CD_SECTOR) of van buurten (bv. wijk).',
  'admin.problemDetail.no_indicator_column':
    'Het bestand heeft geen kolom indicator: voeg er een toe of kies de indicator voor het hele bestand.',
  'admin.problemDetail.no_period_column':
    'Het bestand heeft geen kolom voor de periode (bv. jaar): voeg er een toe of kies de periode voor het hele bestand.',

  // GeoJSON
  'admin.problemDetail.json_invalid_at': 'Het bestand is geen geldige JSON (lijn {line}, kolom {column}): {message}.',
  'admin.problemDetail.json_invalid': 'Het bestand is geen geldige JSON: {message}.',
  'admin.problemDetail.not_feature_collection_type':
    'Het bestand moet een GeoJSON-FeatureCollection zijn (het is een {type}).',
  'admin.problemDetail.not_feature_collection': 'Het bestand moet een GeoJSON-FeatureCollection zijn.',
  'admin.problemDetail.no_features_list': 'De FeatureCollection heeft geen lijst "features".',
  'admin.problemDetail.no_features': 'De FeatureCollection bevat geen objecten.',
  'admin.problemDetail.too_many_features':
    'Het bestand heeft meer dan {max} objecten; splits het op in kleinere bestanden.',
  'admin.problemDetail.unsupported_crs':
    'Het bestand gebruikt het coördinatenstelsel {crs}; exporteer het als WGS84 (EPSG:4326) of Belgische Lambert 72 (EPSG:31370).',
  'admin.problemDetail.not_a_feature': 'is geen GeoJSON-Feature.',
  'admin.problemDetail.properties_not_object': 'properties moet een object zijn.',
  'admin.problemDetail.geometry_missing': 'ontbreekt: het object heeft geen punt.',
  'admin.problemDetail.geometry_not_object': 'moet een GeoJSON-geometrie zijn.',
  'admin.problemDetail.multipoint_several':
    'is een MultiPoint met meerdere punten; je kan alleen losse punten importeren.',
  'admin.problemDetail.geometry_not_point': 'is een {type}; je kan alleen punten (Point) importeren.',
  'admin.problemDetail.coordinates_shape': 'heeft coördinaten die geen [lengtegraad, breedtegraad] (of [x, y]) zijn.',
  'admin.problemDetail.coordinates_not_numbers': 'heeft coördinaten {coordinates}; dat moeten twee getallen zijn.',

  // Values in a row
  'admin.problemDetail.structured_value': 'moet tekst zijn, geen lijst of object.',
  'admin.problemDetail.value_required': 'is leeg; een waarde is verplicht.',
  'admin.problemDetail.number_required': 'is leeg; een getal is verplicht.',
  'admin.problemDetail.coordinate_required': 'is leeg; een coördinaat is verplicht.',
  'admin.problemDetail.too_long': 'is {length} tekens lang; hoogstens {max} zijn toegelaten.',
  'admin.problemDetail.control_characters': 'bevat stuurtekens.',
  'admin.problemDetail.unknown_choice': '{value} is geen toegelaten waarde; kies uit: {allowed}.',
  'admin.problemDetail.not_a_number':
    '{value} is geen getal (schrijf 4,35 of 4.35, zonder scheidingstekens voor duizendtallen).',
  'admin.problemDetail.dwellings': '{value} moet een geheel aantal woningen zijn, van 1 tot {max}.',
  'admin.problemDetail.invalid_sector_code': '{value} moet een code van een statistische sector zijn, zoals 13003A00-.',
  'admin.problemDetail.invalid_neighbourhood_code': '{value} moet een buurtcode zijn, zoals 1300301.',
  'admin.problemDetail.invalid_period': '{value} moet een jaar (2024) of een datum (2024-01-01) zijn.',
  'admin.problemDetail.percentage_out_of_range': '{value} ligt buiten 0–100 (een percentage).',
  'admin.problemDetail.value_out_of_range': '{value} ligt buiten het toegelaten bereik (0 of meer).',
  'admin.problemDetail.negative_weight': '{value} moet 0 of meer zijn.',
  'admin.problemDetail.duplicate_row': 'herhaalt rij {row} ({key}).',
  'admin.problemDetail.unknown_neighbourhood': '{code} is geen code van een Vlaamse buurt.',

  // Coordinates: {xName} and {yName} are the file's column names
  'admin.problemDetail.swapped_wgs84':
    '{xName} {x} en {yName} {y} lijken omgewisseld: in Vlaanderen is de lengtegraad {minLon}–{maxLon} en de breedtegraad {minLat}–{maxLat}.',
  'admin.problemDetail.swapped_lambert72':
    '{xName} {x} en {yName} {y} lijken omgewisseld: in Vlaanderen is x in Lambert 72 {minX}–{maxX} en y {minY}–{maxY}.',
  'admin.problemDetail.swapped_file':
    'In {count} van de {total} rijen lijken {xName} en {yName} omgewisseld: kijk na welke kolom welke coördinaat bevat.',
  'admin.problemDetail.lambert72_read_as_wgs84':
    '{xName} {x} en {yName} {y} zijn meters (Belgische Lambert 72, EPSG:31370), maar het bestand wordt gelezen als WGS84-lengte/breedte.',
  'admin.problemDetail.lambert2008_read_as_wgs84':
    '{xName} {x} en {yName} {y} zijn meters (blijkbaar Belgische Lambert 2008, EPSG:3812, en die wordt niet ondersteund: exporteer als Lambert 72 of WGS84), maar het bestand wordt gelezen als WGS84-lengte/breedte.',
  'admin.problemDetail.web_mercator_read_as_wgs84':
    '{xName} {x} en {yName} {y} zijn meters (blijkbaar Web Mercator, EPSG:3857, en die wordt niet ondersteund: exporteer als Lambert 72 of WGS84), maar het bestand wordt gelezen als WGS84-lengte/breedte.',
  'admin.problemDetail.utm31_read_as_wgs84':
    '{xName} {x} en {yName} {y} zijn meters (blijkbaar UTM-zone 31N, en die wordt niet ondersteund: exporteer als Lambert 72 of WGS84), maar het bestand wordt gelezen als WGS84-lengte/breedte.',
  'admin.problemDetail.far_metres_read_as_wgs84':
    '{xName} {x} en {yName} {y} zijn meters (buiten Vlaanderen), maar het bestand wordt gelezen als WGS84-lengte/breedte.',
  'admin.problemDetail.degrees_read_as_lambert72':
    '{xName} {x} en {yName} {y} zijn WGS84-graden, maar het bestand wordt gelezen als Belgische Lambert 72 (EPSG:31370).',
  'admin.problemDetail.lambert2008_read_as_lambert72':
    '{xName} {x} en {yName} {y} zijn blijkbaar Belgische Lambert 2008 (EPSG:3812), en die wordt niet ondersteund: exporteer als Lambert 72 of WGS84. Het bestand wordt gelezen als Belgische Lambert 72 (EPSG:31370).',
  'admin.problemDetail.web_mercator_read_as_lambert72':
    '{xName} {x} en {yName} {y} zijn blijkbaar Web Mercator (EPSG:3857), en die wordt niet ondersteund: exporteer als Lambert 72 of WGS84. Het bestand wordt gelezen als Belgische Lambert 72 (EPSG:31370).',
  'admin.problemDetail.utm31_read_as_lambert72':
    '{xName} {x} en {yName} {y} zijn blijkbaar UTM-zone 31N, en die wordt niet ondersteund: exporteer als Lambert 72 of WGS84. Het bestand wordt gelezen als Belgische Lambert 72 (EPSG:31370).',
  'admin.problemDetail.outside_flanders': '{xName} {x} en {yName} {y} liggen buiten Vlaanderen.',
  'admin.problemDetail.outside_neighbourhoods':
    'lengtegraad {lon} en breedtegraad {lat} (WGS84) liggen in geen enkele Vlaamse buurt: punten in Brussel, Wallonië of over de grens kan je niet importeren.',

  // Statistical sectors rolled up to neighbourhoods
  'admin.problemDetail.sector_table_missing':
    'Sectorcodes kunnen alleen met de sectortabel per buurt samengeteld worden.',
  'admin.problemDetail.sector_not_localised':
    '{sector} telt mensen die niet in een sector gelokaliseerd zijn; de rij wordt overgeslagen.',
  'admin.problemDetail.unknown_sector':
    '{sector} is geen statistische sector uit de sectortabel (Statbel-codes van 2024).',
  'admin.problemDetail.duplicate_sector': '{sector} heeft al een waarde voor {indicator} {period} (rij {row}).',
  'admin.problemDetail.weight_required':
    'is nodig om {indicator} over de sectoren van een buurt te middelen (bv. de bevolking).',
  'admin.problemDetail.zero_weights':
    'Alle sectoren van buurt {neighbourhood} hebben gewicht 0, dus {indicator} {period} heeft daar geen waarde.',
  'admin.problemDetail.incomplete_neighbourhood':
    'Buurt {neighbourhood} heeft {sectors} sectoren; het bestand geeft {indicator} {period} voor {given} ervan.',
} as const;
