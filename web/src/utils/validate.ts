// Small checks forms run before calling the API (which checks again and decides).

/** Something@something.tld, as a quick sanity check before the server's own. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** Adds `message` under `name` when `failed`. */
export function collect(
  errors: Record<string, string>,
  name: string,
  failed: boolean,
  message: string,
): Record<string, string> {
  if (failed && !(name in errors)) errors[name] = message;
  return errors;
}
