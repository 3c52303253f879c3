import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { suggestAnswer } from '@/testing/fixtures/catalog';
import { renderInRouter } from '@/testing/render-route';
import { SearchTypeahead } from './search-typeahead';

function setup(path = '/') {
  const api = mockApi({ 'GET /api/books/suggest': () => jsonResponse(200, suggestAnswer) });
  const view = renderInRouter(<SearchTypeahead />, path);
  return { api, ...view };
}

async function typeAndWait(text: string) {
  const box = await screen.findByRole('combobox', { name: 'Search books and authors' });
  // No pause between keys: the whole word lands well inside the debounce window.
  await userEvent.setup({ delay: null }).type(box, text);
  await screen.findAllByTestId('suggestion');
  return box;
}

const active = (box: HTMLElement) => {
  const id = box.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};

describe('SearchTypeahead', { timeout: 20_000 }, () => {
  it('asks for suggestions once the typing pauses, not on every key', async () => {
    const { api } = setup();
    const box = await typeAndWait('cold');

    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('listbox', { name: 'Suggestions' })).toBeVisible();
    const asked = api.callsTo('GET /api/books/suggest').map((c) => c.search.get('q'));
    expect(asked).toEqual(['cold']);
    expect(screen.getAllByRole('option')).toHaveLength(4); // 3 suggestions + "Search for"
    expect(screen.getByRole('status')).toHaveTextContent('3 suggestions');
  });

  it('moves through the options with the arrow keys, wrapping past the ends', async () => {
    setup();
    const box = await typeAndWait('cold');

    expect(box).not.toHaveAttribute('aria-activedescendant');
    await userEvent.keyboard('{ArrowDown}');
    expect(active(box)).toHaveTextContent('Cold Water');
    expect(active(box)).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(active(box)).toHaveTextContent('Colette');
    await userEvent.keyboard('{ArrowDown}');
    expect(active(box)).toHaveTextContent('Search for“cold”');
    await userEvent.keyboard('{ArrowDown}');
    expect(box).not.toHaveAttribute('aria-activedescendant');
    await userEvent.keyboard('{ArrowUp}');
    expect(active(box)).toHaveTextContent('Search for');
  });

  it('opens the highlighted book with Enter', async () => {
    const { router } = setup();
    const box = await typeAndWait('cold');

    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/books/cold-comfort'));
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).toHaveValue('');
  });

  it('opens an author suggestion on the author page', async () => {
    const { router } = setup();
    await typeAndWait('col');

    await userEvent.click(screen.getByRole('option', { name: /Colette/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/authors/colette'));
  });

  it('searches for the text with Enter when no option is highlighted', async () => {
    const { router } = setup();
    await typeAndWait('cold water');

    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/search'));
    expect(router.state.location.search).toEqual({ q: 'cold water' });
  });

  it('closes with Escape, then clears the field with a second Escape', async () => {
    setup();
    const box = await typeAndWait('cold');

    await userEvent.keyboard('{ArrowDown}{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).not.toHaveAttribute('aria-activedescendant');
    expect(box).toHaveValue('cold');
    await userEvent.keyboard('{Escape}');
    expect(box).toHaveValue('');
  });

  it('reopens the list with ArrowDown after Escape', async () => {
    setup();
    const box = await typeAndWait('cold');

    await userEvent.keyboard('{Escape}{ArrowDown}');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(active(box)).toHaveTextContent('Cold Water');
  });

  it('does not ask for suggestions for a single character', async () => {
    const { api } = setup();
    const box = await screen.findByRole('combobox', { name: 'Search books and authors' });

    await userEvent.type(box, 'c');
    await new Promise((r) => setTimeout(r, 300));
    expect(api.callsTo('GET /api/books/suggest')).toHaveLength(0);
    // Only the "Search for" option: Enter still searches.
    expect(screen.getAllByRole('option')).toHaveLength(1);
  });

  it('shows the query of the search page it is on', async () => {
    setup('/search?q=wonderland');

    expect(await screen.findByRole('combobox')).toHaveValue('wonderland');
  });
});
