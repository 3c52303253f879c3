// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { BookField, BookFormValues, CategoryNode, EpubMetadata } from '../schema';
import { emptyBookForm } from './book-form-values';
import {
  acceptConflicts,
  categoriesForSubjects,
  mergePrefill,
  plainText,
  suggestionFromMetadata,
} from './prefill';

const tree: CategoryNode[] = [
  {
    id: 1,
    slug: 'fiction',
    name: 'Fiction',
    children: [
      { id: 2, slug: 'fantasy', name: 'Fantasy', children: [] },
      { id: 4, slug: 'mystery', name: 'Mystery & Crime', children: [] },
    ],
  },
  { id: 20, slug: 'childrens', name: "Children's", children: [] },
];

const alice: EpubMetadata = {
  title: "Alice's Adventures in Wonderland",
  subtitle: null,
  language: 'en-US',
  description:
    '<p>A girl falls down a rabbit hole &amp; finds <em>Wonderland</em>.</p><p>Curiouser.</p>',
  publisher: 'Macmillan',
  isbn: 'urn:isbn:9780306406157',
  creators: [{ name: 'Lewis Carroll', role: 'aut', contributor: false }],
  subjects: ['Fantasy', 'Mystery and crime', 'Cooking'],
  pages: 30,
  pages_estimated: true,
};

const form = (over: Partial<BookFormValues> = {}): BookFormValues => ({
  ...emptyBookForm,
  ...over,
});
const placeholders = (...fields: BookField[]) => new Set<BookField>(fields);

describe('suggestionFromMetadata', () => {
  it('reads the fields an EPUB knows, as plain text', () => {
    expect(suggestionFromMetadata(alice, 'epub', tree)).toEqual({
      title: "Alice's Adventures in Wonderland",
      description: 'A girl falls down a rabbit hole & finds Wonderland.\n\nCuriouser.',
      language: 'en-US',
      isbn: '9780306406157',
      format: 'epub',
      categoryIds: [2, 4],
    });
  });

  it('takes a page count only when the file states it', () => {
    expect(suggestionFromMetadata({ ...alice, pages_estimated: false }, 'pdf', []).pageCount).toBe(
      '30',
    );
    expect(suggestionFromMetadata({ creators: [], subjects: [] }, null, tree)).toEqual({});
  });
});

describe('categoriesForSubjects', () => {
  it('matches names and slugs, ignoring case, accents and "&" vs "and"', () => {
    expect(categoriesForSubjects(['FANTASY', 'mystery & crime', 'childrens'], tree)).toEqual([
      2, 4, 20,
    ]);
    expect(categoriesForSubjects(['Juvenile fantasy fiction'], tree)).toEqual([2]);
    expect(categoriesForSubjects(['Knitting', ''], tree)).toEqual([]);
  });
});

describe('plainText', () => {
  it('keeps paragraphs and decodes entities', () => {
    expect(plainText('One<br/>two&#39;s &#x263A;<div>three</div>')).toBe("One\ntwo's ☺\n\nthree");
  });
});

describe('mergePrefill', () => {
  const suggestion = suggestionFromMetadata(alice, 'epub', tree);

  it('fills empty fields and defaults without asking', () => {
    const result = mergePrefill(
      form({ price: '4.99' }),
      placeholders('language', 'currency'),
      suggestion,
    );
    expect(result.conflicts).toEqual([]);
    expect(result.filled.sort()).toEqual([
      'categoryIds',
      'description',
      'format',
      'isbn',
      'language',
      'title',
    ]);
    expect(result.values).toMatchObject({
      title: "Alice's Adventures in Wonderland",
      language: 'en-US',
      format: 'epub',
      categoryIds: [2, 4],
      price: '4.99',
    });
  });

  it('asks before replacing what the author typed, and changes nothing until then', () => {
    const typed = form({
      title: 'Alice (working title)',
      language: 'en',
      categoryIds: [20],
      format: 'epub',
    });
    const result = mergePrefill(typed, placeholders(), suggestion);
    expect(result.conflicts.map((c) => c.field)).toEqual(['title', 'language', 'categoryIds']);
    expect(result.conflicts[0]).toEqual({
      field: 'title',
      current: 'Alice (working title)',
      suggested: "Alice's Adventures in Wonderland",
    });
    expect(result.values.title).toBe('Alice (working title)');
    expect(result.values.categoryIds).toEqual([20]);
    expect(result.filled).toEqual(['description', 'isbn']);

    const decided = acceptConflicts(result.values, result.conflicts, new Set<BookField>(['title']));
    expect(decided.title).toBe("Alice's Adventures in Wonderland");
    expect(decided.language).toBe('en');
    expect(decided.categoryIds).toEqual([20]);
  });

  it('replaces a stand-in (a title made from the file name) without asking', () => {
    const result = mergePrefill(
      form({ title: 'epub3 alice cover' }),
      placeholders('title', 'language', 'currency'),
      suggestion,
    );
    expect(result.conflicts).toEqual([]);
    expect(result.values.title).toBe("Alice's Adventures in Wonderland");
  });

  it('sees equal values as equal: ISBN hyphens, language case, category order', () => {
    const same = form({
      title: "Alice's Adventures in Wonderland ",
      description: 'A girl falls down a rabbit hole & finds Wonderland.\n\nCuriouser.',
      language: 'EN-us',
      isbn: '978-0-306-40615-7',
      format: 'epub',
      categoryIds: [4, 2],
    });
    const result = mergePrefill(same, placeholders(), suggestion);
    expect(result.conflicts).toEqual([]);
    expect(result.filled).toEqual([]);
  });
});
