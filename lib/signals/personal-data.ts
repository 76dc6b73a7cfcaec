/**
 * Finds personal data in a signal's description, as Flemish care partners write it in Dutch,
 * French or English: a title with a name ("mevr. Janssens"), a Belgian phone number, an e-mail
 * address, a national register number (only with a valid checksum, so a random 11-digit number
 * is not flagged) and a street address with a house number. The reporter must remove what is
 * found before saving: a signal is about a situation in a neighbourhood, never about a person.
 *
 * All languages are checked on every text: partners mix them ("mevrouw Dubois, rue de la
 * Station 4"), so the UI language says nothing about the text's. The patterns prefer missing an
 * odd spelling over blocking ordinary sentences: numbers next to words for time, age, counts
 * or amounts ("3 keer", "80 jaar", "65+", "in 2024", "45 %") are never taken as house numbers.
 */
export const PERSONAL_DATA_KINDS = [
  'name_with_title',
  'phone',
  'email',
  'national_register_number',
  'address',
] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** UTF-16 offsets into the text, end exclusive, for highlighting. */
  start: number;
  end: number;
  /** The text found. */
  excerpt: string;
}

export function findPersonalData(text: string): PersonalDataFinding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const findings: PersonalDataFinding[] = [];
  for (const [kind, find] of DETECTORS) {
    for (const [start, end] of find(text)) findings.push({ kind, start, end, excerpt: text.slice(start, end) });
  }
  return withoutOverlaps(findings);
}

type Span = [start: number, end: number];
type Detector = (text: string) => Span[];

// ---------------------------------------------------------------------------------------------
// E-mail

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// ---------------------------------------------------------------------------------------------
// Phone numbers: +32 / 0032 / 0, landlines (0 + 8 digits: 014 12 34 56, 02 123 45 67) and
// mobiles (04xx + 6 digits: 0471 12 34 56), digits grouped by spaces, dots, slashes or dashes.

const S = '[ ./\\u00a0-]?';
const D = (count: number) => `(?:${S}[0-9]){${count}}`;
const NATIONAL = `(?:4${S}[5-9]${D(7)}|[1-9]${D(7)})`;
const PHONE = new RegExp(
  `(?<![0-9+\\p{L}])(?:(?:\\+|00)${S}32${S}(?:\\(0\\)${S})?|0${S})${NATIONAL}(?![0-9]|[.,][0-9])`,
  'gu',
);
/** An enterprise number (KBO: 0xxx.xxx.xxx) is written like this and belongs to an organisation. */
const ENTERPRISE_NUMBER = /^(BE)?0[0-9]{3}\.[0-9]{3}\.[0-9]{3}$/;

function findPhones(text: string): Span[] {
  return matches(PHONE, text).filter(([start, end]) => !ENTERPRISE_NUMBER.test(text.slice(start, end)));
}

// ---------------------------------------------------------------------------------------------
// National register numbers (rijksregisternummer / numéro national): YY.MM.DD-SSS.CC.

const NATIONAL_REGISTER = /(?<![0-9])[0-9]{2}[ .-]?[0-9]{2}[ .-]?[0-9]{2}[ .-]?[0-9]{3}[ .-]?[0-9]{2}(?![0-9])/g;

/**
 * The check digits are 97 − (the first nine digits mod 97); for people born from 2000 on,
 * the nine digits are prefixed with a 2 before taking the remainder.
 */
export function isValidNationalRegisterNumber(value: string): boolean {
  const digits = value.replace(/[^0-9]/g, '');
  if (digits.length !== 11) return false;
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  return 97 - (base % 97) === check || 97 - ((2_000_000_000 + base) % 97) === check;
}

function findNationalRegisterNumbers(text: string): Span[] {
  return matches(NATIONAL_REGISTER, text).filter(([start, end]) =>
    isValidNationalRegisterNumber(text.slice(start, end)),
  );
}

// ---------------------------------------------------------------------------------------------
// A title followed by a capitalised name: "mevrouw Peeters", "dhr. Van den Broeck", "Mme Dubois".

/** "mevrouw" → mevrouw, Mevrouw or MEVROUW; the name after it must still start with a capital. */
const anyCase = (word: string, allCaps = true) =>
  `[${word[0]!.toLowerCase()}${word[0]!.toUpperCase()}]${word.slice(1)}${allCaps ? `|${word.toUpperCase()}` : ''}`;
/** Full words: never followed by a dot ("…bij mevrouw. Zij…" ends a sentence). */
const TITLE_WORDS = [
  'mevrouw',
  'meneer',
  'mijnheer',
  'heer',
  'juffrouw',
  'dokter',
  'madame',
  'mademoiselle',
  'monsieur',
  'docteur',
  'mister',
  'miss',
  'mrs',
];
/** Abbreviations, with or without their dot; never all capitals ("MS" is a disease, "DR" a country). */
const TITLE_ABBREVIATIONS = ['mevr', 'mw', 'mvr', 'dhr', 'mnr', 'mr', 'dr', 'mme', 'mlle', 'mej', 'ms'];
/** Lower-case name particles: "van Dam", "de Smet", "d'Hondt", "le Roux". */
// Words need a space after them, so "vanden" cannot also be read as "van"+"den" (no backtracking blow-up).
const PARTICLES = "(?:(?:van|de|der|den|ten|ter|te|het|vanden|vander|le|la|du|des)\\s+|[dl]['’]\\s*)*";
const NAME_WORD = "\\p{Lu}[\\p{L}'’-]*\\p{L}";
const TITLE = new RegExp(
  '(?<![\\p{L}])(?:' +
    `(?:${TITLE_WORDS.map((word) => anyCase(word)).join('|')})` +
    `|(?:${TITLE_ABBREVIATIONS.map((word) => anyCase(word, false)).join('|')})\\.?` +
    '|M\\.)' +
    `\\s+${PARTICLES}(${NAME_WORD}(?:[ -]${PARTICLES}${NAME_WORD})*)`,
  'gu',
);
/** Capitalised single words after a title that are no name (sentence starts, pronouns). */
const NOT_NAMES = new Set([
  'de',
  'het',
  'een',
  'die',
  'dat',
  'deze',
  'zij',
  'ze',
  'hij',
  'haar',
  'hem',
  'zijn',
  'woont',
  'is',
  'en',
  'of',
  'maar',
  'heeft',
  'il',
  'elle',
  'la',
  'le',
  'les',
  'un',
  'une',
  'est',
  'et',
  'he',
  'she',
  'the',
  'a',
  'an',
  'and',
  'or',
  'lives',
]);

function findNamesWithTitle(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(TITLE)) {
    const name = match[1]!;
    if (!/[\s-]/.test(name) && NOT_NAMES.has(name.toLowerCase())) continue;
    spans.push([match.index!, match.index! + match[0].length]);
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Street addresses with a house number.

/**
 * Dutch street name endings ("Kerkstraat", "Leopoldlei", "Antwerpsesteenweg"). Endings that are
 * also common word endings ("-ring" as in verzekering, "-kant" as in overkant, "-veld" as in
 * werkveld, "-tuin", "-einde") are left out: those streets still match with "straat" etc.
 */
const STREET_SUFFIXES = [
  'straat',
  'straatje',
  'steenweg',
  'laan',
  'lei',
  'weg',
  'wegel',
  'pad',
  'plein',
  'pleintje',
  'dreef',
  'baan',
  'hof',
  'markt',
  'dijk',
  'kaai',
  'kade',
  'vest',
  'singel',
  'gracht',
  'park',
  'erf',
  'dries',
  'heide',
  'hei',
  'akker',
  'kouter',
  'berg',
  'dal',
  'donk',
  'bos',
  'broek',
  'beemd',
  'meers',
  'gaarde',
  'hoeve',
  'dorp',
  'boulevard',
  'heuvel',
];
/** Street types written as a separate capitalised word after a name ("Grote Markt", "Oude Baan"). */
const STREET_WORDS = [
  'Markt',
  'Plein',
  'Straat',
  'Laan',
  'Weg',
  'Steenweg',
  'Dreef',
  'Baan',
  'Lei',
  'Kaai',
  'Dijk',
  'Vest',
  'Ring',
  'Hof',
  'Heide',
  'Dorp',
  'Kapel',
];
/** French street types, before the name ("rue de la Station 12", "12, avenue Louise"). */
const FRENCH_STREET_TYPES = [
  'rue',
  'avenue',
  'av\\.',
  'chaussée',
  'chée',
  'place',
  'boulevard',
  'bd',
  'chemin',
  'allée',
  'quai',
  'square',
  'impasse',
  'route',
  'drève',
  'clos',
  'sentier',
  'ruelle',
  'rempart',
];
const FRENCH_TYPE = `(?:${FRENCH_STREET_TYPES.map((word) => anyCase(word, false)).join('|')})`;
const FRENCH_ARTICLES = "(?:(?:de|du|des|la|le)\\s+|[dl]['’]\\s*)*";

/** A number followed by one of these is an amount, an age, a time, a date or a count, not a house number. */
const NOT_AFTER_A_HOUSE_NUMBER = [
  'x',
  'keer',
  'maal',
  'jaar',
  'jaren',
  'jarige',
  'jr',
  'maand',
  'maanden',
  'week',
  'weken',
  'dag',
  'dagen',
  'uur',
  'u',
  'minuten',
  'min',
  'km',
  'm',
  'm²',
  'meter',
  'cm',
  'kg',
  'kilo',
  'gram',
  'mg',
  'ml',
  'l',
  'liter',
  'euro',
  'eur',
  'procent',
  'pct',
  'personen',
  'mensen',
  'kinderen',
  'kind',
  'inwoners',
  'woningen',
  'huizen',
  'stuks',
  'keren',
  'bezoeken',
  'meldingen',
  'signalen',
  'partners',
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
  'jan',
  'feb',
  'mrt',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'okt',
  'oct',
  'nov',
  'dec',
  'an',
  'ans',
  'fois',
  'mois',
  'semaine',
  'semaines',
  'jour',
  'jours',
  'heure',
  'heures',
  'personnes',
  'enfants',
  'janvier',
  'février',
  'mars',
  'avril',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
  'year',
  'years',
  'month',
  'months',
  'weeks',
  'day',
  'days',
  'hour',
  'hours',
  'times',
  'people',
  'children',
  'january',
  'february',
  'march',
  'may',
  'june',
  'july',
  'august',
  'october',
];
const NOT_A_HOUSE_NUMBER = `(?![0-9]|[.,:][0-9]|\\s*(?:%|\\+|€|°)|[\\s-]*(?:${NOT_AFTER_A_HOUSE_NUMBER.map((word) => anyCase(word, false)).join('|')})(?![\\p{L}]))`;
/** "12", "12A", "12 bus 3", "12 b2", "12/3", "nr. 12", "n° 12" — checked right after the digits. */
const HOUSE_NUMBER =
  '(?:(?:nr\\.?|nummer|n°|no\\.?)\\s*)?[1-9][0-9]{0,3}' +
  NOT_A_HOUSE_NUMBER +
  '(?:\\s?[a-zA-Z](?![\\p{L}0-9]))?' +
  '(?:\\s*(?:(?:bus|bte|boîte)\\s*|b\\.?\\s*(?=[0-9])|/\\s*)(?:[0-9]{1,4}[a-zA-Z]?|[a-zA-Z])(?![\\p{L}0-9]))?';
const CAPITALISED = "\\p{Lu}[\\p{L}'’.-]*";

const ADDRESS_PATTERNS = [
  // One word ending in a street suffix: "Kerkstraat 5", "kerkstraat 5 bus 2", "Sint-Jansplein 3".
  new RegExp(
    `(?<![\\p{L}])[\\p{L}'’-]{2,}(?:${STREET_SUFFIXES.map((word) => anyCase(word, false)).join('|')}),?\\s+${HOUSE_NUMBER}`,
    'gu',
  ),
  // Capitalised name + separate street word: "Grote Markt 12", "Oude Baan 7"; "Markt 3" on its own.
  new RegExp(
    `(?<![\\p{L}])(?:(?:${CAPITALISED}\\s+){1,3}(?:${STREET_WORDS.join('|')})|Markt|Plein),?\\s+${HOUSE_NUMBER}`,
    'gu',
  ),
  // French: "rue de la Station 12", "avenue Louise, 54".
  new RegExp(
    `(?<![\\p{L}])${FRENCH_TYPE}\\s+${FRENCH_ARTICLES}[\\p{L}'’-]+(?:\\s+(?:et\\s+)?${FRENCH_ARTICLES}${CAPITALISED}){0,3},?\\s+${HOUSE_NUMBER}`,
    'gu',
  ),
  // French, number first: "12, rue de la Station", "54 avenue Louise".
  new RegExp(
    `(?<![0-9\\p{L}])[1-9][0-9]{0,3}[a-zA-Z]?,?\\s+${FRENCH_TYPE}\\s+${FRENCH_ARTICLES}\\p{Lu}[\\p{L}'’-]*(?:\\s+${CAPITALISED}){0,3}`,
    'gu',
  ),
];

function findAddresses(text: string): Span[] {
  return ADDRESS_PATTERNS.flatMap((pattern) => matches(pattern, text));
}

// ---------------------------------------------------------------------------------------------

const DETECTORS: readonly (readonly [PersonalDataKind, Detector])[] = [
  ['email', (text) => matches(EMAIL, text)],
  ['national_register_number', findNationalRegisterNumbers],
  ['phone', findPhones],
  ['name_with_title', findNamesWithTitle],
  ['address', findAddresses],
];

function matches(pattern: RegExp, text: string): Span[] {
  return [...text.matchAll(pattern)].map((match) => [match.index!, match.index! + match[0].length] as Span);
}

/** Keeps the first-listed, then longest finding where two overlap (an e-mail's digits are no phone). */
function withoutOverlaps(findings: PersonalDataFinding[]): PersonalDataFinding[] {
  const priority = (kind: PersonalDataKind) => DETECTORS.findIndex(([candidate]) => candidate === kind);
  const ranked = [...findings].sort(
    (a, b) => priority(a.kind) - priority(b.kind) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: PersonalDataFinding[] = [];
  for (const finding of ranked) {
    if (!kept.some((other) => finding.start < other.end && other.start < finding.end)) kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start);
}
