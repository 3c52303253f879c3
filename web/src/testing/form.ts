// A small DSL for form tests: fill fields by their label quickly (one paste rather than
// a keystroke per character) and press buttons by name.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/** Replaces the value of the field labelled `label` (exact match). */
export async function fillIn(label: string, value: string): Promise<HTMLElement> {
  const field = await screen.findByLabelText(label);
  await userEvent.clear(field);
  if (value) {
    await userEvent.click(field);
    await userEvent.paste(value);
  }
  return field;
}

export async function press(name: string): Promise<void> {
  await userEvent.click(screen.getByRole('button', { name }));
}

/** The text of everything that describes `element` (hint, meter, error). */
export function describedText(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}
