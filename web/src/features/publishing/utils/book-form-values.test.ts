// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkBookForm, draftInput, emptyBookForm, formFromBook } from './book-form-values';

describe('checkBookForm', () => {
  it('turns the fields into BookInput with the price in cents', () => {
    const { input, errors } = checkBookForm({
      ...emptyBookForm,
      title: '  Small Hours ',
      price: '4.5',
      format: 'epub',
      pageCount: '212',
      categoryIds: [3],
    });
    expect(errors).toEqual({});
    expect(input).toEqual({
      title: 'Small Hours',
      subtitle: null,
      description: null,
      language: 'en',
      isbn: null,
      page_count: 212,
      price_cents: 450,
      currency: 'USD',
      format: 'epub',
      category_ids: [3],
    });
  });

  it('names each problem by its API field', () => {
    const { errors } = checkBookForm({ ...emptyBookForm, price: '4.999', pageCount: 'many' });
    expect(Object.keys(errors).sort()).toEqual(['format', 'page_count', 'price_cents', 'title']);
  });
});

describe('draftInput', () => {
  it('stands in for what the form lacks, and says which fields are stand-ins', () => {
    const { input, standIns } = draftInput(emptyBookForm, 'epub3-alice_cover.epub', 'epub');
    expect(input).toMatchObject({
      title: 'epub3 alice cover',
      format: 'epub',
      price_cents: 0,
      language: 'en',
    });
    expect(standIns).toEqual(['title', 'format']);
  });

  it('keeps what the author typed', () => {
    const { input, standIns } = draftInput(
      { ...emptyBookForm, title: 'Mine', price: '3.99', format: 'pdf' },
      'x.epub',
      'epub',
    );
    expect(input).toMatchObject({ title: 'Mine', price_cents: 399, format: 'pdf' });
    expect(standIns).toEqual([]);
  });
});

describe('formFromBook', () => {
  it('shows cents as a price field and keeps the categories', () => {
    const values = formFromBook({
      id: 1,
      slug: 's',
      title: 'T',
      subtitle: null,
      authors: [],
      cover_url: null,
      price_cents: 1999,
      currency: 'EUR',
      is_free: false,
      rating_avg: 0,
      rating_count: 0,
      format: 'pdf',
      language: 'fr',
      published_at: null,
      featured: false,
      description: null,
      isbn: '9780306406157',
      page_count: 90,
      categories: [{ id: 4, slug: 'c', name: 'C' }],
      status: 'draft',
      can_edit: true,
    });
    expect(values).toMatchObject({
      price: '19.99',
      currency: 'EUR',
      pageCount: '90',
      categoryIds: [4],
      format: 'pdf',
    });
  });
});
