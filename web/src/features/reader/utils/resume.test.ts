import { describe, expect, it } from 'vitest';
import { type Progress } from '../schema';
import {
  answeredKey,
  decideResume,
  readLocalRecord,
  remoteToOffer,
  writeLocalRecord,
} from './resume';

const ME = 'device-me';

function server(overrides: Partial<Progress> = {}): Progress {
  return {
    position: 'epubcfi(/6/10!/4/2)',
    progress: 0.42,
    device_id: 'device-phone',
    device_name: 'Safari on iPhone',
    updated_at: '2026-11-26T10:00:00Z',
    ...overrides,
  };
}

describe('decideResume', () => {
  it('starts at the beginning when nothing was ever saved', () => {
    expect(decideResume(server({ position: null, device_id: null }), null, ME)).toEqual({
      kind: 'start',
    });
  });

  it("opens a book never read in this browser at the server's position, whoever wrote it", () => {
    expect(decideResume(server(), null, ME)).toEqual({
      kind: 'open',
      position: 'epubcfi(/6/10!/4/2)',
    });
  });

  it('offers the newer position another device saved since this browser last did', () => {
    const local = { position: 'epubcfi(/6/4!/4/2)', progress: 0.1 };
    expect(decideResume(server(), local, ME)).toEqual({
      kind: 'offer',
      position: 'epubcfi(/6/4!/4/2)',
      remote: {
        position: 'epubcfi(/6/10!/4/2)',
        progress: 0.42,
        deviceName: 'Safari on iPhone',
        updatedAt: '2026-11-26T10:00:00Z',
      },
    });
  });

  it('opens without asking when the latest position is this device’s own', () => {
    const local = { position: 'epubcfi(/6/4!/4/2)', progress: 0.1 };
    expect(decideResume(server({ device_id: ME }), local, ME)).toEqual({
      kind: 'open',
      position: 'epubcfi(/6/10!/4/2)',
    });
  });

  it('does not offer the place this browser already is', () => {
    const local = { position: 'epubcfi(/6/10!/4/2)', progress: 0.42 };
    expect(decideResume(server(), local, ME)).toEqual({
      kind: 'open',
      position: 'epubcfi(/6/10!/4/2)',
    });
  });

  it('does not offer again a remote position the reader already answered', () => {
    const answered = answeredKey(server());
    const local = { position: 'epubcfi(/6/4!/4/2)', progress: 0.1, answered };
    expect(decideResume(server(), local, ME)).toEqual({
      kind: 'open',
      position: 'epubcfi(/6/4!/4/2)',
    });
    // …but a later save from that device is offered.
    const later = server({ updated_at: '2026-11-26T11:00:00Z', position: 'epubcfi(/6/12!/4)' });
    expect(decideResume(later, local, ME).kind).toBe('offer');
  });
});

describe('remoteToOffer', () => {
  it('offers nothing without a position or device, or for this device', () => {
    const local = { position: 'page:2', progress: 0.2 };
    expect(remoteToOffer(null, local, ME)).toBeNull();
    expect(remoteToOffer(server({ position: null }), local, ME)).toBeNull();
    expect(remoteToOffer(server({ device_id: null }), local, ME)).toBeNull();
    expect(remoteToOffer(server({ device_id: ME }), local, ME)).toBeNull();
  });

  it('names the other device when the server says which', () => {
    const local = { position: 'page:2', progress: 0.2 };
    expect(remoteToOffer(server({ position: 'page:9' }), local, ME)?.deviceName).toBe(
      'Safari on iPhone',
    );
    expect(
      remoteToOffer(server({ position: 'page:9', device_name: undefined }), local, ME)?.deviceName,
    ).toBeNull();
  });
});

describe('local records', () => {
  it('round-trip through localStorage per book and ignore junk', () => {
    expect(readLocalRecord('7')).toBeNull();
    writeLocalRecord('7', { position: 'page:3', progress: 0.3, answered: null });
    expect(readLocalRecord('7')).toEqual({ position: 'page:3', progress: 0.3, answered: null });
    expect(readLocalRecord('8')).toBeNull();
    window.localStorage.setItem('mangu-reader-position:9', '{"position": 4}');
    expect(readLocalRecord('9')).toBeNull();
  });
});
