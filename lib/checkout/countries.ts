/**
 * Where the shop ships. Codes are ISO 3166-1 alpha-2; names come from Intl.DisplayNames so they
 * are never mistyped. Edit this list to change the destinations.
 */
export const SHIPPING_COUNTRIES = [
  'US',
  'CA',
  'MN',
  'GB',
  'IE',
  'DE',
  'FR',
  'NL',
  'BE',
  'DK',
  'SE',
  'NO',
  'FI',
  'CH',
  'AT',
  'IT',
  'ES',
  'PT',
  'PL',
  'CZ',
  'JP',
  'KR',
  'AU',
  'NZ',
  'SG',
] as const;
export type CountryCode = (typeof SHIPPING_COUNTRIES)[number];

const names = new Intl.DisplayNames(['en'], { type: 'region' });

export function countryName(code: string): string {
  return names.of(code) ?? code;
}

/** The list for a <select>, by name, the shop's home markets first. */
export function countryOptions(): { code: CountryCode; name: string }[] {
  return SHIPPING_COUNTRIES.map((code) => ({ code, name: countryName(code) }));
}
