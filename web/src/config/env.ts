// Build-time settings. The API lives on the same origin as the client by default.
export const env = {
  apiBaseUrl: import.meta.env.VITE_API_BASE_URL ?? '/api',
} as const;
