// Turns a failed call into what a form shows: messages beside their fields (from the
// API's details.fields) and one message for the form's alert region.
import { ApiError, NetworkError } from '@/lib/api-client';

export type FieldErrors = Record<string, string>;

function fieldMessage(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const parts = value.filter((part): part is string => typeof part === 'string');
    return parts.length > 0 ? parts.join(' ') : null;
  }
  if (value && typeof value === 'object' && 'message' in value) {
    return typeof value.message === 'string' ? value.message : null;
  }
  return null;
}

/** `details.fields` of a validation error, each as one sentence. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const fields = error.details.fields;
  if (!fields || typeof fields !== 'object') return {};

  const out: FieldErrors = {};
  for (const [name, value] of Object.entries(fields)) {
    const message = fieldMessage(value);
    if (message) out[name] = capitalise(message);
  }
  return out;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function retryHint(seconds: number | undefined): string {
  if (seconds === undefined) return 'Please wait a little and try again.';
  if (seconds < 60) return `Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/**
 * The message for the form's alert region, or null when every problem already sits
 * beside a field the form shows.
 */
export function formErrorMessage(
  error: unknown,
  shownFields: readonly string[] = [],
): string | null {
  if (!error) return null;
  if (error instanceof NetworkError)
    return 'Cannot reach the server. Check your connection and try again.';
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.status === 429) return `Too many attempts. ${retryHint(error.retryAfterSeconds)}`;
  if (error.status >= 500) return 'The server had a problem. Please try again in a moment.';

  const fields = Object.entries(fieldErrorsOf(error));
  const unshown = fields.filter(([name]) => !shownFields.includes(name));
  if (fields.length > 0 && unshown.length === 0) return null;
  const extra = unshown.map(([name, message]) => `${name.replace(/_/g, ' ')}: ${message}`);
  return [capitalise(error.message), ...extra].join(' · ');
}
