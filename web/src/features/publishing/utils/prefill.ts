// Prefilling the book form from a manuscript's metadata (the EPUB's OPF, which the server reads
// when the upload completes). Empty fields and fields still holding a default or a stand-in are
// filled at once; a field the author has typed something else into is never overwritten without
// asking: it becomes a conflict for the author to decide.
import type { BookField, BookFormValues, CategoryNode, EpubMetadata } from '../schema';
import { MAX_CATEGORIES } from '../schema';

export type PrefillSuggestion = Partial<BookFormValues>;

export type PrefillConflict<K extends BookField = BookField> = {
  field: K;
  current: BookFormValues[K];
  suggested: BookFormValues[K];
};

export type PrefillResult = {
  /** The form with the quiet fills applied (conflicts left as the author had them). */
  values: BookFormValues;
  /** Fields filled without asking. */
  filled: BookField[];
  /** Fields where the author's text and the manuscript's differ. */
  conflicts: PrefillConflict[];
};

export const fieldLabels: Record<BookField, string> = {
  title: 'Title',
  subtitle: 'Subtitle',
  description: 'Description',
  language: 'Language',
  isbn: 'ISBN',
  pageCount: 'Pages',
  price: 'Price',
  currency: 'Currency',
  format: 'Format',
  categoryIds: 'Categories',
};

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** EPUB descriptions are often HTML: keep the text and its paragraph breaks. */
export function plainText(html: string): string {
  return html
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/?\s*(p|div|li|h[1-6])(\s[^>]*)?>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code =
          name[1]?.toLowerCase() === 'x'
            ? parseInt(name.slice(2), 16)
            : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000
          ? String.fromCodePoint(code)
          : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Every category with its depth in the tree (0 for top level), parents first. */
function flatten(nodes: CategoryNode[], depth = 0): Array<{ node: CategoryNode; depth: number }> {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);
}

function norm(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Categories whose name or slug matches a subject, at most 10. A subject that only contains
 * category names ("Juvenile fantasy fiction") gets the most specific one (Fantasy, not Fiction).
 */
export function categoriesForSubjects(subjects: string[], tree: CategoryNode[]): number[] {
  const all = flatten(tree);
  const found: number[] = [];
  for (const subject of subjects) {
    const s = norm(subject);
    if (!s) continue;
    const exact = all.find(({ node }) => norm(node.name) === s || norm(node.slug) === s);
    const partial = all
      .filter(({ node }) => {
        const name = norm(node.name);
        return (
          name.length >= 4 && (` ${s} `.includes(` ${name} `) || ` ${name} `.includes(` ${s} `))
        );
      })
      .sort((a, b) => b.depth - a.depth || b.node.name.length - a.node.name.length)[0];
    const match = (exact ?? partial)?.node;
    if (match && !found.includes(match.id)) found.push(match.id);
  }
  return found.slice(0, MAX_CATEGORIES);
}

/** What the manuscript suggests for each field it knows. */
export function suggestionFromMetadata(
  metadata: EpubMetadata,
  format: string | null | undefined,
  tree: CategoryNode[],
): PrefillSuggestion {
  const out: PrefillSuggestion = {};
  const text = (value: string | null | undefined) => value?.trim() || undefined;
  const title = text(metadata.title);
  if (title) out.title = title;
  const subtitle = text(metadata.subtitle);
  if (subtitle) out.subtitle = subtitle;
  const description = metadata.description ? plainText(metadata.description) : '';
  if (description) out.description = description;
  const language = text(metadata.language);
  if (language) out.language = language;
  const isbn = metadata.isbn?.replace(/^urn:isbn:/i, '').trim();
  if (isbn) out.isbn = isbn;
  if (metadata.pages && metadata.pages > 0 && !metadata.pages_estimated)
    out.pageCount = String(metadata.pages);
  if (format === 'epub' || format === 'pdf') out.format = format;
  const categories = categoriesForSubjects(metadata.subjects, tree);
  if (categories.length > 0) out.categoryIds = categories;
  return out;
}

function isEmpty(value: BookFormValues[BookField]): boolean {
  return Array.isArray(value) ? value.length === 0 : value.trim() === '';
}

function same(
  field: BookField,
  a: BookFormValues[BookField],
  b: BookFormValues[BookField],
): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((id) => b.includes(id));
  }
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  if (field === 'isbn') return a.replace(/[^0-9xX]/g, '') === b.replace(/[^0-9xX]/g, '');
  if (field === 'language') return a.trim().toLowerCase() === b.trim().toLowerCase();
  return a.trim() === b.trim();
}

export function mergePrefill(
  current: BookFormValues,
  placeholders: ReadonlySet<BookField>,
  suggestion: PrefillSuggestion,
): PrefillResult {
  const values: BookFormValues = { ...current, categoryIds: [...current.categoryIds] };
  const filled: BookField[] = [];
  const conflicts: PrefillConflict[] = [];

  for (const field of Object.keys(suggestion) as BookField[]) {
    const suggested = suggestion[field];
    if (suggested === undefined || isEmpty(suggested)) continue;
    const mine = current[field];
    if (same(field, mine, suggested)) continue;
    if (isEmpty(mine) || placeholders.has(field)) {
      (values as Record<BookField, unknown>)[field] = suggested;
      filled.push(field);
    } else {
      conflicts.push({ field, current: mine, suggested });
    }
  }
  return { values, filled, conflicts };
}

/** The form after the author chose which of the manuscript's values to take. */
export function acceptConflicts(
  values: BookFormValues,
  conflicts: PrefillConflict[],
  accepted: ReadonlySet<BookField>,
): BookFormValues {
  const next: BookFormValues = { ...values };
  for (const conflict of conflicts) {
    if (accepted.has(conflict.field)) {
      (next as Record<BookField, unknown>)[conflict.field] = conflict.suggested;
    }
  }
  return next;
}
