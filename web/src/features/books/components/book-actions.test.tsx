import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bookDetail, freeBook } from '@/testing/fixtures/catalog';
import { bookDetailSchema } from '../schema';
import { BookActions } from './book-actions';

const priced = bookDetailSchema.parse(bookDetail());
const free = bookDetailSchema.parse(bookDetail({ ...freeBook }));

describe('BookActions', () => {
  it('explains a stand-in button instead of doing nothing', async () => {
    render(<BookActions book={priced} />);

    const add = screen.getByRole('button', { name: 'Add to cart' });
    expect(add).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(add);
    expect(screen.getByRole('status')).toHaveTextContent('The cart opens soon.');
    expect(screen.getByRole('button', { name: 'Buy now' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Read sample' })).toBeVisible();
  });

  it('offers a free book for the library rather than the cart', () => {
    render(<BookActions book={free} />);

    expect(screen.getByRole('button', { name: 'Add to library' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Add to cart' })).not.toBeInTheDocument();
  });

  it('lets the route replace the buy buttons with the real ones', () => {
    render(<BookActions book={priced} buy={<button type="button">Real cart</button>} />);

    expect(screen.getByRole('button', { name: 'Real cart' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Add to cart' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Buy now' })).not.toBeInTheDocument();
  });
});
