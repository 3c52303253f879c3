import { afterEach, describe, expect, it } from 'vitest';
import { currentDevice, deviceNameFrom, forgetDeviceForTests } from './device';

describe('device', () => {
  afterEach(forgetDeviceForTests);

  it('names common browsers and systems', () => {
    expect(
      deviceNameFrom(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36',
      ),
    ).toBe('Chrome on Linux');
    expect(
      deviceNameFrom(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari on iPhone');
    expect(
      deviceNameFrom('Mozilla/5.0 (Android 15; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0'),
    ).toBe('Firefox on Android');
  });

  it('keeps one id per browser, valid for the API', () => {
    const first = currentDevice();
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    forgetDeviceForTests();
    expect(currentDevice()).toEqual(first);
  });
});
