// The success page asks for the order until the payment is confirmed, then shows the books.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startSession } from '@/lib/session';
import { mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { makeSession } from '@/testing/fixtures/users';
import { renderInRouter } from '@/testing/render-route';
import { CheckoutSuccessView } from './checkout-success-view';

function order(status: string) {
  return {
    order: {
      id: 5,
      number: 'MNG-2026-7K3QX9PD',
      status,
      currency: 'USD',
      subtotal_cents: 999,
      discount_cents: 0,
      total_cents: 999,
      coupon_code: null,
      provider: 'dev',
      items: [
        {
          book_id: 1,
          title: 'Cold Water',
          unit_price_cents: 999,
          discount_cents: 0,
          price_cents: 999,
          currency: 'USD',
          book: { id: 1, slug: 'cold-water', title: 'Cold Water', cover_url: null },
        },
      ],
      checkout_url: null,
      created_at: '2026-11-26T03:25:08Z',
      paid_at: status === 'paid' ? '2026-11-26T03:25:12Z' : null,
    },
  };
}

describe('CheckoutSuccessView', () => {
  it('waits while the order is pending and turns to paid', { timeout: 10_000 }, async () => {
    startSession(makeSession());
    let calls = 0;
    const mock = mockApi({
      'GET /api/orders/5': () => jsonResponse(200, order(++calls < 2 ? 'pending' : 'paid')),
    });
    renderInRouter(<CheckoutSuccessView orderId={5} />);

    expect(await screen.findByRole('heading', { name: 'Confirming your payment…' })).toBeVisible();
    expect(
      await screen.findByRole('heading', { name: 'Thank you — it’s yours' }, { timeout: 5_000 }),
    ).toBeVisible();
    expect(mock.callsTo('GET /api/orders/5').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByRole('link', { name: 'Read now' })).toHaveAttribute('href', '/read/1');
    expect(screen.getByRole('link', { name: 'Go to your library' })).toHaveAttribute(
      'href',
      '/library',
    );
    expect(screen.getByTestId('order-total')).toHaveTextContent('$9.99');
  });

  it('explains an order that closed without a payment', async () => {
    startSession(makeSession());
    mockApi({ 'GET /api/orders/5': () => jsonResponse(200, order('cancelled')) });
    renderInRouter(<CheckoutSuccessView orderId={5} />);
    expect(await screen.findByRole('heading', { name: 'No payment for this order' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to your cart' })).toHaveAttribute(
      'href',
      '/cart',
    );
  });
});
