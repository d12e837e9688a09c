// EU member states plus the EEA's Iceland, Liechtenstein and Norway: transfers to these need no GDPR chapter V
// safeguard. Anything else, or an unknown country, is a transfer question for the school.
const EU_EEA = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
]);

export function isEuEea(country: string): boolean {
  return EU_EEA.has(country.toUpperCase());
}
