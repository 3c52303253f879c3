// This browser as a reading device: a random id kept in localStorage (the server keys positions
// by it) and a readable name ("Firefox on Android") shown on the other devices.
const STORAGE_KEY = 'mangu-reader-device';

export type Device = { id: string; name: string };

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** "Chrome on Linux", "Safari on iPhone", … from a user-agent string. */
export function deviceNameFrom(userAgent: string): string {
  const ua = userAgent;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /(Chrome|Chromium|CriOS)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Browser';
  const system = /iPhone/.test(ua)
    ? 'iPhone'
    : /iPad/.test(ua)
      ? 'iPad'
      : /Android/.test(ua)
        ? 'Android'
        : /CrOS/.test(ua)
          ? 'ChromeOS'
          : /Mac OS X|Macintosh/.test(ua)
            ? 'Mac'
            : /Windows/.test(ua)
              ? 'Windows'
              : /Linux/.test(ua)
                ? 'Linux'
                : '';
  return system ? `${browser} on ${system}` : browser;
}

function isDevice(value: unknown): value is Device {
  if (!value || typeof value !== 'object') return false;
  const { id, name } = value as Record<string, unknown>;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id) && typeof name === 'string';
}

let memory: Device | null = null;

/** The same id for this browser every time (or for this page, when storage is off). */
export function currentDevice(): Device {
  if (memory) return memory;
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (isDevice(stored)) return (memory = stored);
  } catch {
    /* unreadable: make a new one */
  }
  const device = { id: randomId(), name: deviceNameFrom(navigator.userAgent).slice(0, 100) };
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(device));
  } catch {
    /* storage off: this page keeps it in memory */
  }
  return (memory = device);
}

/** Tests only. */
export function forgetDeviceForTests(): void {
  memory = null;
}
