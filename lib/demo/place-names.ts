import type { Rng } from './random';

/**
 * Dutch names for demo places. All fictional: built from the neighbourhood's name and stock
 * words (trees, saints, heath words), never from people's names.
 */
export const NAME_WORDS = {
  centre: [
    'De Wezel',
    'Den Heuvel',
    'De Schakel',
    'Het Anker',
    'De Linde',
    'Den Dries',
    "'t Pleintje",
    'De Kring',
    'Ter Heide',
    'De Vlaswaai',
  ],
  tree: ['Linde', 'Notelaar', 'Eik', 'Vlier', 'Meidoorn', 'Kastanje', 'Berk', 'Hazelaar', 'Wilg', 'Beuk'],
  saint: ['Sint-Anna', 'Sint-Jozef', 'Sint-Elisabeth', 'Sint-Barbara', 'Sint-Vincentius', 'Sint-Lodewijk'],
  heath: ['Ter Heide', 'Hemelrijk', 'Den Brem', 'Zonnedauw', 'Het Ven', 'De Heidebloem', 'Bremdal', 'Ter Nethe'],
  grocery: ['De Kar', 'Het Winkeltje', 'De Buurtwinkel', 'Den Boord', 'De Mand'],
  housingPrefix: ['Residentie', 'Hof', 'Wijk', 'Woonerf', 'Park'],
  housing: [
    'De Linde',
    'De Brem',
    'De Heide',
    'Ter Beuken',
    'Den Eik',
    'De Vlier',
    'Hazelaar',
    'Meidoorn',
    'Lindehof',
    'Kastanjelaar',
    'De Wilgen',
    'Zonnedauw',
    'Heidebloem',
    'Berkenhof',
    'Het Ven',
    'Nethehof',
    'De Akker',
    'Molenveld',
  ],
} as const;

const COMPASS = new Set(['Noord', 'Oost', 'Zuid', 'West']);
const TRAILING_KIND = /\s+(kern|stedelijk|landelijk|buitengebied)$/i;

/**
 * A short place name for a neighbourhood, as a local would say it: "Balen - Centrum" becomes
 * "Centrum", "Balen - Oost" "Balen-Oost", "Poppel Kern" "Poppel"; bare codes (as in Moorslede) fall back to the
 * municipality.
 */
export function placeLabel(neighbourhoodName: string, municipalityName: string): string {
  if (/^[0-9]{5}/.test(neighbourhoodName)) return municipalityName;
  let label = neighbourhoodName;
  for (const prefix of [`${municipalityName} - `, `${municipalityName}-`]) {
    if (label.startsWith(prefix) && label.length > prefix.length) label = label.slice(prefix.length);
  }
  label = label.replace(TRAILING_KIND, '').trim();
  if (label.length === 0) return municipalityName;
  // "Huisartsenpraktijk Oost" says nothing; "Huisartsenpraktijk Balen-Oost" does.
  return COMPASS.has(label) ? `${municipalityName}-${label}` : label;
}

/** Keeps names unique within one municipality: draws again, then numbers. */
export class NameBook {
  private readonly used = new Set<string>();

  take(rng: Rng, propose: (rng: Rng) => string): string {
    let name = propose(rng);
    for (let attempt = 0; attempt < 8 && this.used.has(name); attempt++) name = propose(rng);
    const base = name;
    for (let n = 2; this.used.has(name); n++) name = `${base} ${n}`;
    this.used.add(name);
    return name;
  }
}
