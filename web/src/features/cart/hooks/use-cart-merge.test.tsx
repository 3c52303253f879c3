// The browser's cart joins the account's cart at sign-in: one POST /api/cart/merge with the
// book ids, the local cart emptied, the server's cart cached, skipped books explained.
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSession } from '@/lib/session';
import { mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { makeSession } from '@/testing/fixtures/users';
import { CART_QUERY_KEY, cartQueryOptions } from '../api/get-cart';
import {
  LOCAL_CART_KEY,
  addToLocalCart,
  getLocalCart,
  resetLocalCartForTests,
} from '../utils/local-cart';
import { mergeLocalCart, resetCartMergeForTests, useMergeNotice } from './use-cart-merge';
import { renderHook } from '@testing-library/react';

const book = (id: number, title: string) => ({
  book_id: id,
  slug: `b${id}`,
  title,
  authors: ['Ada Lane'],
  cover_url: null,
  price_cents: 999,
  currency: 'USD',
});

const mergedCart = {
  items: [
    {
      book: {
        id: 1,
        slug: 'b1',
        title: 'One',
        authors: [],
        cover_url: null,
        price_cents: 999,
        currency: 'USD',
      },
      added_at: '2026-11-26T03:25:03Z',
      available: true,
      unavailable_reason: null,
      discount_cents: 0,
    },
  ],
  subtotal_cents: 999,
  discount_cents: 0,
  total_cents: 999,
  currency: 'USD',
  coupon: null,
  skipped: [{ book_id: 2, reason: 'you already own this book' }],
};

afterEach(() => {
  resetCartMergeForTests();
  resetLocalCartForTests();
});

describe('local cart', () => {
  it('keeps books once, in localStorage, and survives a damaged entry', () => {
    addToLocalCart(book(1, 'One'));
    addToLocalCart(book(1, 'One'));
    addToLocalCart(book(2, 'Two'));
    expect(getLocalCart().map((e) => e.book_id)).toEqual([1, 2]);
    const stored = JSON.parse(localStorage.getItem(LOCAL_CART_KEY) ?? '[]') as unknown[];
    localStorage.setItem(LOCAL_CART_KEY, JSON.stringify([...stored, { book_id: 'x' }]));
    resetLocalCartForTests();
    expect(getLocalCart().map((e) => e.book_id)).toEqual([1, 2]);
  });
});

describe('mergeLocalCart', () => {
  it('does nothing for a visitor', async () => {
    const mock = mockApi({});
    addToLocalCart(book(1, 'One'));
    await mergeLocalCart(new QueryClient());
    expect(mock.calls).toHaveLength(0);
    expect(getLocalCart()).toHaveLength(1);
  });

  it('merges at sign-in, empties the local cart and explains skipped books', async () => {
    const mock = mockApi({ 'POST /api/cart/merge': () => jsonResponse(200, mergedCart) });
    const client = new QueryClient();
    addToLocalCart(book(1, 'One'));
    addToLocalCart(book(2, 'Two'));
    startSession(makeSession());

    await mergeLocalCart(client);

    expect(mock.callsTo('POST /api/cart/merge')).toHaveLength(1);
    expect(mock.callsTo('POST /api/cart/merge')[0]?.body).toEqual({ book_ids: [1, 2] });
    expect(mock.callsTo('POST /api/cart/merge')[0]?.authorization).toBe('Bearer token-1');
    expect(getLocalCart()).toEqual([]);
    expect(localStorage.getItem(LOCAL_CART_KEY)).toBeNull();
    expect(client.getQueryData(CART_QUERY_KEY)).toMatchObject({
      total_cents: 999,
      items: [{ book: { id: 1 } }],
    });
    expect(client.getQueryData(CART_QUERY_KEY)).not.toHaveProperty('skipped');
    const { result } = renderHook(() => useMergeNotice());
    expect(result.current[0]).toEqual({
      skipped: [{ title: 'Two', reason: 'you already own this book' }],
    });
  });

  it('is not undone by a cart fetch that was already on its way', async () => {
    const empty = {
      ...mergedCart,
      items: [],
      subtotal_cents: 0,
      total_cents: 0,
      skipped: undefined,
    };
    mockApi({
      'GET /api/cart': () =>
        new Promise<Response>((resolve) => setTimeout(() => resolve(jsonResponse(200, empty)), 60)),
      'POST /api/cart/merge': () => jsonResponse(200, mergedCart),
    });
    const client = new QueryClient();
    addToLocalCart(book(1, 'One'));
    startSession(makeSession());
    void client.fetchQuery(cartQueryOptions()).catch(() => undefined);
    await mergeLocalCart(client);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(client.getQueryData(CART_QUERY_KEY)).toMatchObject({ total_cents: 999 });
  });

  it('merges once when asked twice at the same time', async () => {
    const mock = mockApi({
      'POST /api/cart/merge': () => jsonResponse(200, { ...mergedCart, skipped: [] }),
    });
    addToLocalCart(book(1, 'One'));
    startSession(makeSession());
    const client = new QueryClient();
    await Promise.all([mergeLocalCart(client), mergeLocalCart(client)]);
    expect(mock.callsTo('POST /api/cart/merge')).toHaveLength(1);
  });

  it('keeps the local cart when the merge fails, for the next try', async () => {
    const mock = mockApi({ 'POST /api/cart/merge': () => jsonResponse(503, {}) });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    addToLocalCart(book(1, 'One'));
    startSession(makeSession());
    await mergeLocalCart(new QueryClient());
    expect(mock.callsTo('POST /api/cart/merge')).toHaveLength(1);
    expect(getLocalCart().map((e) => e.book_id)).toEqual([1]);
  });
});
