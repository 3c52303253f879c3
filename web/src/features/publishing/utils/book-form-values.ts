// Between a book as the API sends it and the book form's text fields, both ways, with the
// checks the form makes before saving (the server checks again and names bad fields itself).
import { minorUnitsToInput, parseMinorUnits } from '@/utils/money';
import type { BookField, BookFormValues, BookInput, EditableBook } from '../schema';

export const emptyBookForm: BookFormValues = {
  title: '',
  subtitle: '',
  description: '',
  language: 'en',
  isbn: '',
  pageCount: '',
  price: '',
  currency: 'USD',
  format: '',
  categoryIds: [],
};

/** Fields a new form holds before the author types anything (defaults, not choices). */
export const defaultPlaceholders: ReadonlySet<BookField> = new Set<BookField>([
  'language',
  'currency',
]);

export function formFromBook(book: EditableBook): BookFormValues {
  return {
    title: book.title,
    subtitle: book.subtitle ?? '',
    description: book.description ?? '',
    language: book.language ?? 'en',
    isbn: book.isbn ?? '',
    pageCount: book.page_count ? String(book.page_count) : '',
    price: minorUnitsToInput(book.price_cents, book.currency),
    currency: book.currency,
    format: book.format === 'epub' || book.format === 'pdf' ? book.format : '',
    categoryIds: book.categories.map((c) => c.id),
  };
}

export type FormCheck = { input: BookInput; errors: Partial<Record<string, string>> };

/** The whole form as BookInput, with the problems found (keyed by API field names). */
export function checkBookForm(values: BookFormValues): FormCheck {
  const errors: Partial<Record<string, string>> = {};
  const title = values.title.trim();
  if (!title) errors.title = 'Give the book a title.';
  const language = values.language.trim();
  if (!language) errors.language = 'Choose the language the book is written in.';
  const price = values.price.trim() === '' ? null : parseMinorUnits(values.price, values.currency);
  if (price === null) errors.price_cents = 'Enter a price such as 4.99, or 0 for a free book.';
  let pages: number | null = null;
  if (values.pageCount.trim()) {
    pages = /^\d{1,6}$/.test(values.pageCount.trim()) ? Number(values.pageCount.trim()) : 0;
    if (pages < 1 || pages > 100_000)
      errors.page_count = 'Enter the number of pages, or leave it empty.';
  }
  if (!values.format) errors.format = 'Choose EPUB or PDF.';

  const input: BookInput = {
    title,
    subtitle: values.subtitle.trim() || null,
    description: values.description.trim() || null,
    language,
    isbn: values.isbn.trim() || null,
    page_count: pages,
    currency: values.currency,
    category_ids: values.categoryIds,
    ...(price !== null ? { price_cents: price } : {}),
    ...(values.format ? { format: values.format } : {}),
  };
  return { input, errors };
}

/**
 * The draft a first upload creates when the author has not saved the book yet: what the form
 * holds where it is valid, and stand-ins where it is not (the title from the file's name, a
 * price of 0, the format from the file), so the upload can start at once.
 */
export function draftInput(
  values: BookFormValues,
  fileName: string,
  fileFormat: '' | 'epub' | 'pdf',
): {
  input: Required<Pick<BookInput, 'title' | 'language' | 'price_cents' | 'currency' | 'format'>> &
    BookInput;
  standIns: BookField[];
} {
  const { input, errors } = checkBookForm(values);
  const standIns: BookField[] = [];
  const fromName = fileName
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[_-]+/g, ' ')
    .trim();
  let title = input.title ?? '';
  if (errors.title) {
    title = fromName || 'Untitled';
    standIns.push('title');
  }
  let format = input.format;
  if (!format) {
    format = fileFormat || 'epub';
    standIns.push('format');
  }
  let priceCents = input.price_cents;
  if (priceCents === undefined) {
    priceCents = 0;
  }
  return {
    input: {
      ...input,
      title,
      language: input.language || 'en',
      price_cents: priceCents,
      currency: values.currency,
      format,
      ...(errors.page_count ? { page_count: null } : {}),
    },
    standIns,
  };
}

export function sameValues(a: BookFormValues, b: BookFormValues): boolean {
  return (Object.keys(a) as BookField[]).every((key) =>
    key === 'categoryIds'
      ? a.categoryIds.length === b.categoryIds.length &&
        a.categoryIds.every((id) => b.categoryIds.includes(id))
      : a[key] === b[key],
  );
}
