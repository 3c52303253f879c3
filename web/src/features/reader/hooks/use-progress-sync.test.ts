import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSession } from '@/lib/session';
import { mockApi } from '@/testing/api-mock';
import { jsonResponse } from '@/testing/fetch';
import { makeSession } from '@/testing/fixtures/users';
import { type ReaderLocation } from '../engines/types';
import { readLocalRecord, writeLocalRecord } from '../utils/resume';
import { useProgressSync } from './use-progress-sync';

const device = { id: 'laptop-1', name: 'Chrome on Linux' };

function at(n: number): ReaderLocation {
  return {
    position: `epubcfi(/6/${n})`,
    progress: n / 100,
    exact: true,
    chapter: null,
    pageLabel: null,
    atStart: false,
    atEnd: false,
  };
}

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
}

const saved = {
  position: 'epubcfi(/6/2)',
  progress: 0.02,
  device_id: 'laptop-1',
  updated_at: '2026-11-26T10:00:00Z',
};

describe('useProgressSync', () => {
  afterEach(() => setVisibility('visible'));

  it('saves nothing for the place the book opened at, then saves moves with this device', async () => {
    startSession(makeSession());
    const api = mockApi({
      'PUT /api/library/5/progress': () => jsonResponse(200, saved),
    });
    const { result, unmount } = renderHook(() =>
      useProgressSync({ bookId: '5', device, enabled: true }),
    );

    act(() => result.current.onLocation(at(1)));
    expect(api.callsTo('PUT /api/library/5/progress')).toHaveLength(0);

    act(() => result.current.onLocation(at(2)));
    await waitFor(() => expect(api.callsTo('PUT /api/library/5/progress')).toHaveLength(1));
    const puts = api.callsTo('PUT /api/library/5/progress');
    expect(puts[0]?.body).toEqual({
      position: 'epubcfi(/6/2)',
      progress: 0.02,
      device_id: 'laptop-1',
      device_name: 'Chrome on Linux',
    });
    expect(puts[0]?.authorization).toBe('Bearer token-1');
    expect(readLocalRecord('5')?.position).toBe('epubcfi(/6/2)');
    unmount();
  });

  it('sends the waiting position with keepalive when the page is hidden', async () => {
    startSession(makeSession());
    const api = mockApi({ 'PUT /api/library/5/progress': () => jsonResponse(200, saved) });
    const { result, unmount } = renderHook(() =>
      useProgressSync({ bookId: '5', device, enabled: true }),
    );
    act(() => result.current.onLocation(at(1)));
    act(() => result.current.onLocation(at(2)));
    await waitFor(() => expect(api.callsTo('PUT /api/library/5/progress')).toHaveLength(1));
    act(() => result.current.onLocation(at(3))); // within the interval: waits

    expect(api.callsTo('PUT /api/library/5/progress')).toHaveLength(1);
    act(() => {
      setVisibility('hidden');
      document.dispatchEvent(new Event('visibilitychange'));
    });

    await waitFor(() => expect(api.callsTo('PUT /api/library/5/progress')).toHaveLength(2));
    const puts = api.callsTo('PUT /api/library/5/progress');
    expect(puts).toHaveLength(2);
    expect(puts[1]?.body).toMatchObject({ position: 'epubcfi(/6/3)', device_id: 'laptop-1' });
    const init = api.spy.mock.calls.at(-1)?.[1];
    expect(init?.keepalive).toBe(true);
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer token-1');
    unmount();
  });

  it('offers a newer position saved by another device, once', async () => {
    startSession(makeSession());
    writeLocalRecord('5', { position: 'epubcfi(/6/2)', progress: 0.02 });
    const remote = {
      position: 'epubcfi(/6/40)',
      progress: 0.4,
      device_id: 'phone-9',
      device_name: 'Safari on iPhone',
      updated_at: '2026-11-26T11:00:00Z',
    };
    mockApi({ 'GET /api/library/5/progress': () => jsonResponse(200, remote) });
    const { result, unmount } = renderHook(() =>
      useProgressSync({ bookId: '5', device, enabled: true }),
    );
    expect(result.current.offer).toBeNull();

    await act(() => result.current.checkRemote());
    expect(result.current.offer?.remote).toEqual({
      position: 'epubcfi(/6/40)',
      progress: 0.4,
      deviceName: 'Safari on iPhone',
      updatedAt: '2026-11-26T11:00:00Z',
    });

    act(() => result.current.answerOffer());
    expect(result.current.offer).toBeNull();
    await act(() => result.current.checkRemote());
    expect(result.current.offer).toBeNull();
    unmount();
  });

  it('offers nothing when the latest position is this device’s own', async () => {
    startSession(makeSession());
    writeLocalRecord('5', { position: 'epubcfi(/6/2)', progress: 0.02 });
    mockApi({
      'GET /api/library/5/progress': () =>
        jsonResponse(200, { ...saved, position: 'epubcfi(/6/9)', device_id: 'laptop-1' }),
    });
    const { result, unmount } = renderHook(() =>
      useProgressSync({ bookId: '5', device, enabled: true }),
    );
    await act(() => result.current.checkRemote());
    expect(result.current.offer).toBeNull();
    unmount();
  });

  it('checks for other devices when the page comes back into view', async () => {
    startSession(makeSession());
    const get = vi.fn(() => jsonResponse(200, saved));
    mockApi({ 'GET /api/library/5/progress': get });
    const { unmount } = renderHook(() => useProgressSync({ bookId: '5', device, enabled: true }));
    act(() => {
      setVisibility('visible');
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitFor(() => expect(get).toHaveBeenCalledTimes(1));
    unmount();
  });

  it('saves nothing for a sample', () => {
    const api = mockApi({});
    const { result, unmount } = renderHook(() =>
      useProgressSync({ bookId: '5', device, enabled: false }),
    );
    act(() => result.current.onLocation(at(1)));
    act(() => result.current.onLocation(at(2)));
    unmount();
    expect(api.calls).toHaveLength(0);
  });
});
