import { uiLocale } from '@/lib/i18n/t';

// Numbers and dates of the consolidated view in the reader's language (French by default: "0,82", "3 mars 2025").

export const formatDate = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(uiLocale() === 'en' ? 'en-GB' : 'fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
};

export const formatNumber = (x: number, digits = 2): string => x.toLocaleString(uiLocale() === 'en' ? 'en-GB' : 'fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });
