// Prices: integer cents plus an ISO 4217 currency, shown in the reader's locale.

export type Priced = { price_cents: number; currency: string; is_free?: boolean };

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      // An unknown currency code: show the number with the code beside it.
      f = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    formatters.set(key, f);
  }
  return f;
}

/** Minor units per major unit: 100 for USD and EUR, 1 for JPY, 1000 for KWD. */
function minorUnits(currency: string): number {
  try {
    const digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    return 10 ** digits;
  } catch {
    return 100;
  }
}

/** 499 USD -> "$4.99"; a free book (or a price of 0) -> "Free". */
export function formatPrice(item: Priced, locale?: string): string {
  if (item.is_free || item.price_cents === 0) return 'Free';
  const currency = item.currency.toUpperCase();
  const f = formatter(currency, locale);
  const text = f.format(item.price_cents / minorUnits(currency));
  return f.resolvedOptions().style === 'currency' ? text : `${text} ${currency}`;
}

/**
 * An amount the server computed (a total, a discount, revenue) in its currency: 0 -> "$0.00",
 * never "Free". Display only: prices and totals always come from the server.
 */
export function formatMoney(cents: number, currency: string, locale?: string): string {
  const code = currency.toUpperCase();
  const f = formatter(code, locale);
  const text = f.format(cents / minorUnits(code));
  return f.resolvedOptions().style === 'currency' ? text : `${text} ${code}`;
}

/** How many minor units make one major unit of `currency` (100 for USD, 1 for JPY). */
export function minorUnitsOf(currency: string): number {
  return minorUnits(currency.toUpperCase());
}

/**
 * What a price field holds, typed in major units ("4.99", "5", "4,5"), as minor units of
 * `currency` (499, 500, 450), exactly (no floating point). null when it is not such an amount.
 */
export function parseMinorUnits(text: string, currency: string): number | null {
  const units = minorUnitsOf(currency);
  const digits = Math.round(Math.log10(units));
  const match = /^(\d{1,9})(?:[.,](\d*))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1]) * units + (fraction ? Number(fraction.padEnd(digits, '0')) : 0);
}

/** 499 USD -> "4.99", 1200 JPY -> "1200": minor units back into a price field's text. */
export function minorUnitsToInput(cents: number, currency: string): string {
  const units = minorUnitsOf(currency);
  const digits = Math.round(Math.log10(units));
  if (digits === 0) return String(cents);
  const whole = Math.floor(cents / units);
  const fraction = String(cents % units).padStart(digits, '0');
  return `${whole}.${fraction}`;
}
