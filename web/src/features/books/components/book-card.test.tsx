import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bookSummarySchema } from '@/lib/catalog-schema';
import { bookSummary, freeBook } from '@/testing/fixtures/catalog';
import { renderInRouter } from '@/testing/render-route';
import { BookCard } from './book-card';

const parse = (raw: unknown) => bookSummarySchema.parse(raw);

describe('BookCard', { timeout: 20_000 }, () => {
  it('links the title to the book and shows authors, rating and price', async () => {
    renderInRouter(<BookCard book={parse(bookSummary())} />);

    const card = await screen.findByTestId('book-card');
    expect(within(card).getByRole('link', { name: 'Cold Water' })).toHaveAttribute(
      'href',
      '/books/cold-water',
    );
    expect(card).toHaveTextContent('Jonas Lindqvist');
    expect(within(card).getByTestId('price')).toHaveTextContent('$9.99');
    expect(within(card).getByText('Rated 4.3 out of 5 by 52 readers')).toBeInTheDocument();
  });

  it('says Free for a free book, in place of a price', async () => {
    renderInRouter(<BookCard book={parse(freeBook)} />);

    const price = await screen.findByTestId('price');
    expect(price).toHaveTextContent(/^Free$/);
    expect(price).toHaveClass('text-positive');
  });

  it('formats the price in the book currency', async () => {
    renderInRouter(<BookCard book={parse(bookSummary({ price_cents: 1250, currency: 'EUR' }))} />);

    expect(await screen.findByTestId('price')).toHaveTextContent('€12.50');
  });

  it('lazy-loads the cover and keeps it out of the link name', async () => {
    const { container } = renderInRouter(<BookCard book={parse(bookSummary())} />);

    await screen.findByTestId('book-card');
    const img = container.querySelector('img');
    expect(img).toHaveAttribute('src', '/static/covers/cold-water.svg');
    expect(img).toHaveAttribute('loading', 'lazy');
    expect(img).toHaveAttribute('alt', '');
  });

  it('says New instead of a rating for a book nobody rated', async () => {
    renderInRouter(<BookCard book={parse(bookSummary({ rating_avg: null, rating_count: 0 }))} />);

    expect(await screen.findByText('New')).toBeInTheDocument();
  });
});
