import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInRouter } from '@/testing/render-route';
import { LibraryActions } from './library-actions';

const book = { id: 42, title: 'A Priced Book', is_free: false };

describe('LibraryActions', () => {
  it('offers "Read sample" when the book has one', async () => {
    renderInRouter(<LibraryActions book={{ ...book, has_sample: true }} />);

    expect(await screen.findByRole('link', { name: 'Read sample' })).toHaveAttribute(
      'href',
      '/read/42?sample=true',
    );
  });

  it('offers no sample link when the book has none, or does not say', async () => {
    const free = { ...book, is_free: true };
    const { unmount } = renderInRouter(<LibraryActions book={{ ...free, has_sample: false }} />);
    expect(await screen.findByRole('link', { name: 'Sign in to read free' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Read sample' })).not.toBeInTheDocument();
    unmount();

    renderInRouter(<LibraryActions book={free} />);
    expect(await screen.findByRole('link', { name: 'Sign in to read free' })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Read sample' })).not.toBeInTheDocument();
  });
});
