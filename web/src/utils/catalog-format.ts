// Small formatters for catalog facts: languages, formats, dates, counts, ratings.

/** "en" -> "English", "pt-BR" -> "Brazilian Portuguese"; an unknown code stays as it is. */
export function formatLanguage(code: string | null | undefined, locale = 'en'): string {
  if (!code) return '—';
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const FORMATS: Record<string, string> = { epub: 'EPUB', pdf: 'PDF' };

/** "epub" -> "EPUB". */
export function formatBookFormat(format: string | null | undefined): string {
  if (!format) return '—';
  return FORMATS[format.toLowerCase()] ?? format.toUpperCase();
}

/** RFC 3339 -> "12 March 2026" (or the reader's locale's long date). */
export function formatDate(iso: string | null | undefined, locale?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return date.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric' });
}

/** RFC 3339 -> "2026". */
export function formatYear(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : String(date.getUTCFullYear());
}

/** 1234 -> "1.2K". */
export function formatCount(n: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

/** 4.25 -> "4.3". */
export function formatRating(avg: number): string {
  return avg.toFixed(1);
}

/** "Lewis Carroll", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}
