// The cart shows the server's numbers as they are (it never adds up prices itself), applies
// coupons through the server, and sends the reader to the payment page the server names.
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { startSession } from '@/lib/session';
import { apiError, mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { fillIn, press } from '@/testing/form';
import { makeSession } from '@/testing/fixtures/users';
import { renderInRouter } from '@/testing/render-route';
import * as checkout from '../api/start-checkout';
import { CartView } from './cart-view';

function line(id: number, title: string, price: number, extra: Record<string, unknown> = {}) {
  return {
    book: {
      id,
      slug: title.toLowerCase().replace(/\s+/g, '-'),
      title,
      authors: [{ id: 9, slug: 'ada', name: 'Ada Lane' }],
      cover_url: `/static/${id}.webp`,
      price_cents: price,
      currency: 'USD',
    },
    added_at: '2026-11-26T03:25:03Z',
    available: true,
    unavailable_reason: null,
    discount_cents: 0,
    ...extra,
  };
}

/** Deliberately not the sum of its lines: the page must show what the server says. */
const serverCart = {
  items: [
    line(1, 'Cold Water', 999, { discount_cents: 250 }),
    line(2, 'Small Hours', 1999, { discount_cents: 500 }),
  ],
  subtotal_cents: 2998,
  discount_cents: 751,
  total_cents: 2247,
  currency: 'USD',
  coupon: {
    code: 'SPRING25',
    kind: 'percent',
    amount: 25,
    currency: null,
    applies: true,
    problem: null,
  },
};

describe('CartView', () => {
  it("shows the server's subtotal, discount and total, never its own sums", async () => {
    startSession(makeSession());
    mockApi({ 'GET /api/cart': () => jsonResponse(200, serverCart) });
    renderInRouter(<CartView />);

    expect(await screen.findByTestId('cart-total')).toHaveTextContent('$22.47');
    expect(screen.getByTestId('cart-subtotal')).toHaveTextContent('$29.98');
    expect(screen.getByTestId('cart-discount')).toHaveTextContent('−$7.51');
    const lines = screen.getAllByTestId('cart-line');
    expect(lines).toHaveLength(2);
    expect(within(lines[0] as HTMLElement).getByTestId('cart-line-price')).toHaveTextContent(
      '$7.49$9.99',
    );
    expect(screen.getByTestId('applied-coupon')).toHaveTextContent('SPRING25');
    expect(screen.getByTestId('applied-coupon')).toHaveTextContent('25% off');
  });

  it('applies a coupon through the server and explains an unknown code', async () => {
    startSession(makeSession());
    let cart: Record<string, unknown> = {
      ...serverCart,
      coupon: null,
      discount_cents: 0,
      total_cents: 2998,
    };
    const mock = mockApi({
      'GET /api/cart': () => jsonResponse(200, cart),
      'POST /api/cart/coupon': ({ body }) => {
        if ((body as { code: string }).code !== 'spring25')
          return apiError(404, 'not_found', 'no such coupon');
        cart = serverCart;
        return jsonResponse(200, cart);
      },
    });
    renderInRouter(<CartView />);
    expect(await screen.findByTestId('cart-total')).toHaveTextContent('$29.98');

    await fillIn('Coupon code', 'nope');
    await press('Apply');
    expect(await screen.findByText('There is no coupon with that code.')).toHaveAttribute(
      'role',
      'alert',
    );

    await fillIn('Coupon code', ' spring25 ');
    await press('Apply');
    expect(await screen.findByTestId('applied-coupon')).toHaveTextContent('SPRING25');
    expect(screen.getByTestId('cart-total')).toHaveTextContent('$22.47');
    expect(mock.callsTo('POST /api/cart/coupon').at(-1)?.body).toEqual({ code: 'spring25' });
  });

  it('holds checkout back while a book cannot be bought, and sends no prices when checking out', async () => {
    startSession(makeSession());
    let cart: Record<string, unknown> = {
      ...serverCart,
      coupon: null,
      items: [
        ...serverCart.items,
        line(3, 'Owned Already', 500, { available: false, unavailable_reason: 'owned' }),
      ],
    };
    const mock = mockApi({
      'GET /api/cart': () => jsonResponse(200, cart),
      'DELETE /api/cart/items/3': () => {
        cart = { ...serverCart, coupon: null };
        return jsonResponse(200, cart);
      },
      'POST /api/checkout': () =>
        jsonResponse(201, {
          order: {
            id: 5,
            number: 'MNG-2026-AAAA',
            status: 'pending',
            currency: 'USD',
            subtotal_cents: 2998,
            discount_cents: 751,
            total_cents: 2247,
            items: [],
            created_at: '2026-11-26T03:25:08Z',
          },
          checkout_url: 'http://localhost/checkout/test/5?token=t',
        }),
    });
    const go = vi.spyOn(checkout.paymentPage, 'open').mockImplementation(() => undefined);
    renderInRouter(<CartView />);

    expect(await screen.findByText(/Already in your library/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Check out' })).toBeDisabled();

    await press('Remove Owned Already from the cart');
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Check out' })).toBeEnabled());
    await press('Check out');
    await vi.waitFor(() =>
      expect(go).toHaveBeenCalledWith('http://localhost/checkout/test/5?token=t'),
    );
    expect(mock.callsTo('POST /api/checkout')[0]?.body).toBeUndefined();
  });

  it('says so when the cart is empty', async () => {
    startSession(makeSession());
    mockApi({
      'GET /api/cart': () =>
        jsonResponse(200, {
          items: [],
          subtotal_cents: 0,
          discount_cents: 0,
          total_cents: 0,
          currency: null,
          coupon: null,
        }),
    });
    renderInRouter(<CartView />);
    expect(await screen.findByText('Your cart is empty')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse books' })).toHaveAttribute('href', '/books');
  });
});
