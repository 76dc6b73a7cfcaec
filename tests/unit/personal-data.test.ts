import { describe, expect, it } from 'vitest';
import { findPersonalData, isValidNationalRegisterNumber, type PersonalDataKind } from '@/lib/signals/personal-data';

/** The findings of a text as [kind, excerpt] pairs, in text order. */
const found = (text: string) => findPersonalData(text).map((finding) => [finding.kind, finding.excerpt]);
const kinds = (text: string) => findPersonalData(text).map((finding) => finding.kind);

describe('personal data: names with a title', () => {
  it.each([
    ['Mevrouw Peeters woont alleen.', 'Mevrouw Peeters'],
    ['Bezoek bij mevr. Janssens', 'mevr. Janssens'],
    ['mw. De Smet vraagt hulp', 'mw. De Smet'],
    ['dhr. Van den Broeck', 'dhr. Van den Broeck'],
    ['meneer Vermeulen-Claes', 'meneer Vermeulen-Claes'],
    ['mijnheer Wouters', 'mijnheer Wouters'],
    ['volgens de heer Maes', 'heer Maes'],
    ['Dr. Janssens verwees door', 'Dr. Janssens'],
    ['dokter Verhoeven', 'dokter Verhoeven'],
    ["mevr. d'Hondt", "mevr. d'Hondt"],
    ['mevrouw van Dam', 'mevrouw van Dam'],
    ['Madame Dubois habite seule', 'Madame Dubois'],
    ['Mme Lefèvre', 'Mme Lefèvre'],
    ['monsieur Lambert', 'monsieur Lambert'],
    ['M. Martin est malade', 'M. Martin'],
    ['Mr. Smith lives alone', 'Mr. Smith'],
    ['Mrs Taylor', 'Mrs Taylor'],
    ['MEVROUW PEETERS', 'MEVROUW PEETERS'],
  ])('finds the name in %j', (text, excerpt) => {
    expect(found(text)).toEqual([['name_with_title', excerpt]]);
  });

  it.each([
    'mevrouw van 80 jaar woont alleen',
    'meneer heeft schulden',
    'Ik sprak met mevrouw. Zij woont alleen.',
    'Mevrouw De buurvrouw belde.',
    'mevr. P. wil anoniem blijven',
    'De dokter komt morgen langs.',
    'Hij heeft MS Sinds 2019.',
    'Mevrouw is 3 keer gevallen.',
    'madame âgée de 80 ans',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('personal data: phone numbers', () => {
  it.each([
    ['bel 0471 12 34 56', '0471 12 34 56'],
    ['gsm 0471/12.34.56', '0471/12.34.56'],
    ['gsm 0471123456.', '0471123456'],
    ['tel. 014 12 34 56', '014 12 34 56'],
    ['tel 014/12.34.56', '014/12.34.56'],
    ['02 123 45 67 (Brussel)', '02 123 45 67'],
    ['Luik: 04 221 22 11', '04 221 22 11'],
    ['+32 471 12 34 56', '+32 471 12 34 56'],
    ['+32471123456', '+32471123456'],
    ['0032 471 12 34 56', '0032 471 12 34 56'],
    ['+32 (0)14 12 34 56', '+32 (0)14 12 34 56'],
    ['0471-12-34-56', '0471-12-34-56'],
  ])('finds the number in %j', (text, excerpt) => {
    expect(found(text)).toEqual([['phone', excerpt]]);
  });

  it.each([
    'In 2024 is ze 3 keer gevallen.',
    'Op 12/03/2024 om 14.30 uur.',
    'Van 01.02.2024 tot 15.03.2024',
    'Postcode 2490 Balen',
    'Leefloon van 1.300 euro, schuld van € 12 450',
    'Ondernemingsnummer 0456.789.123',
    'IBAN BE71 0961 2345 6769',
    '0471 12 34',
    '047112345678',
    'Score 0,75 en 0.5',
  ])('finds no phone number in %j', (text) => {
    expect(kinds(text)).not.toContain('phone');
  });
});

describe('personal data: e-mail addresses', () => {
  it('finds e-mail addresses, also with accents and sub-domains', () => {
    expect(found('mail naar jan.peeters@telenet.be of zoë_m+zorg@mail.ocmw-balen.be!')).toEqual([
      ['email', 'jan.peeters@telenet.be'],
      ['email', 'zoë_m+zorg@mail.ocmw-balen.be'],
    ]);
    expect(found('een @-teken of twee@ is geen adres')).toEqual([]);
  });
});

describe('personal data: national register numbers', () => {
  // 97 − (first nine digits mod 97); from 2000 on, "2" is put before the nine digits.
  it.each([
    '85.07.30-033.28', // born 1985
    '85073003328',
    '850730 033 28',
    '01.02.03-005.66', // born 2001: only valid with the "2" prefix
    '20.02.29-456.10', // born 2020
    '93.12.24-123.30',
  ])('accepts %s (valid checksum)', (number) => {
    expect(isValidNationalRegisterNumber(number)).toBe(true);
    expect(found(`RRN ${number} staat op de kaart`)).toEqual([['national_register_number', number]]);
  });

  it.each([
    '85.07.30-033.29', // checksum off by one
    '01.02.03-005.65',
    '85073003327',
    '12345678901',
  ])('rejects %s (invalid checksum)', (number) => {
    expect(isValidNationalRegisterNumber(number)).toBe(false);
    expect(kinds(`nummer ${number}`)).not.toContain('national_register_number');
  });

  it('only checks the 2000s rule for the century it belongs to', () => {
    // 010203005 + 66 is valid only with the "2" prefix; 37 only without it (a birth in 1901).
    expect(isValidNationalRegisterNumber('01020300566')).toBe(true);
    expect(isValidNationalRegisterNumber('01020300537')).toBe(true);
    expect(isValidNationalRegisterNumber('01020300538')).toBe(false);
    expect(isValidNationalRegisterNumber('0102030056')).toBe(false);
  });
});

describe('personal data: addresses with a house number', () => {
  it.each([
    ['woont in de Kerkstraat 5 sinds mei', 'Kerkstraat 5'],
    ['Kerkstraat 5 bus 2', 'Kerkstraat 5 bus 2'],
    ['kerkstraat 12A', 'kerkstraat 12A'],
    ['Kerkstraat 5, 2490 Balen', 'Kerkstraat 5'],
    ['Antwerpsesteenweg 120', 'Antwerpsesteenweg 120'],
    ['Leopoldlei 7/3', 'Leopoldlei 7/3'],
    ['Sint-Jansplein 3', 'Sint-Jansplein 3'],
    ['Hoolsterberg nr. 4', 'Hoolsterberg nr. 4'],
    ['Boudewijnlaan 45 b2', 'Boudewijnlaan 45 b2'],
    ['op de Grote Markt 12', 'Grote Markt 12'],
    ['Markt 3 boven de bakker', 'Markt 3'],
    ['Oude Baan 7', 'Oude Baan 7'],
    ['rue de la Station 12', 'rue de la Station 12'],
    ['avenue Louise 54', 'avenue Louise 54'],
    ['12, rue de la Station', '12, rue de la Station'],
    ['chaussée de Gand 5', 'chaussée de Gand 5'],
  ])('finds the address in %j', (text, excerpt) => {
    expect(found(text)).toEqual([['address', excerpt]]);
  });

  it.each([
    'In 2024 is ze 3 keer gevallen.',
    'Ze is 80 jaar en woont alleen.',
    'De 65+ in de wijk, 45% woont alleen, 80-jarige buurman.',
    'De loopbaan 3 jaar onderbroken.',
    'de weg 5 minuten te voet, 2 km verder',
    'Woont in de Kempenlaan, zonder nummer.',
    'Op de markt 3 keer per week.',
    'Het weekeinde 12 juni en de verzekering 2 maanden.',
    'Thuisverpleging komt 2x per dag, 3 x per week.',
    'Aan de overkant 2 huizen verder.',
    'Dafalgan 500 mg, 3 maal per dag.',
    'Op 12/03/2024 om 14.30 uur; rond 14u.',
    'She has lived alone for 12 years; help 3 times a week.',
    'Madame vit seule depuis 2 ans, 3 fois par semaine.',
  ])('finds no personal data in %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('personal data: a whole description', () => {
  it('lists every finding in text order with exact offsets', () => {
    const text =
      'Mevrouw Peeters (Kerkstraat 5 bus 2, tel. 0471 12 34 56, peeters@gmail.com) heeft 85.07.30-033.28 doorgegeven.';
    const findings = findPersonalData(text);
    expect(findings.map((f) => f.kind)).toEqual<PersonalDataKind[]>([
      'name_with_title',
      'address',
      'phone',
      'email',
      'national_register_number',
    ]);
    for (const finding of findings) expect(text.slice(finding.start, finding.end)).toBe(finding.excerpt);
  });

  it('reports an ordinary signal description as clean', () => {
    const text =
      'Alleenwonende man (78) op de tweede verdieping, lift al 3 weken defect. Energiefactuur van € 1.250 niet betaald, ' +
      'verhoogde tegemoetkoming niet aangevraagd. Straatverlichting in de wijk al 14 dagen stuk. Graag opvolging door het Sociaal Huis.';
    expect(findPersonalData(text)).toEqual([]);
  });

  it('never reports the same characters twice', () => {
    const findings = findPersonalData('mail 0471123456@gsm.be of bel +32 471 12 34 56');
    expect(findings.map((f) => f.kind)).toEqual(['email', 'phone']);
  });

  it('copes with empty and very long texts', () => {
    expect(findPersonalData('')).toEqual([]);
    // A pattern that backtracked catastrophically would not return at all: the test's timeout
    // catches that, so nothing here is timed.
    const long = `Mevrouw ${'Abc-'.repeat(2000)} ${'rue '.repeat(2000)}`;
    expect(findPersonalData(long).map((f) => f.kind)).toEqual(['name_with_title']);
  });
});
