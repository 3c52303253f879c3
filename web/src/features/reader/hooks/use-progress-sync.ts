// Keeps the server's position for this book in step with the reader: saves at most every few
// seconds while reading and at once (keepalive) when the page is hidden or closed; and watches
// for a newer position written by another device, to offer a jump there. Opening a book is not
// reading it: nothing is saved until the reader moves from where the book opened.
import { useCallback, useEffect, useRef, useState } from 'react';
import { getProgress, saveProgress } from '../api/progress';
import { type ReaderLocation } from '../engines/types';
import { type Device } from '../utils/device';
import { ProgressSaver, flushWhenHidden } from '../utils/progress-saver';
import {
  type RemotePosition,
  answeredKey,
  readLocalRecord,
  remoteToOffer,
  writeLocalRecord,
} from '../utils/resume';
import { type Progress } from '../schema';

export const REMOTE_CHECK_MS = 30_000;

type Options = {
  bookId: string;
  device: Device;
  /** Samples are not saved. */
  enabled: boolean;
  /** The remote position offered when the book opened, if any. */
  initialOffer?: { remote: RemotePosition; server: Progress } | null;
};

export function useProgressSync({ bookId, device, enabled, initialOffer = null }: Options) {
  const [offer, setOffer] = useState<{ remote: RemotePosition; server: Progress } | null>(
    initialOffer,
  );
  const opened = useRef<string | null>(null);
  const moved = useRef(false);
  const generation = useRef(0);
  const inFlight = useRef(0);
  const saverRef = useRef<ProgressSaver | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const saver = new ProgressSaver(async (position, { keepalive }) => {
      generation.current += 1;
      const local = readLocalRecord(bookId);
      writeLocalRecord(bookId, { ...position, answered: local?.answered ?? null });
      inFlight.current += 1;
      try {
        await saveProgress(
          bookId,
          { ...position, device_id: device.id, device_name: device.name },
          { keepalive },
        );
      } finally {
        inFlight.current -= 1;
      }
    });
    saverRef.current = saver;
    const stopFlushing = flushWhenHidden(saver);
    return () => {
      stopFlushing();
      saver.flush({ keepalive: true });
      saver.dispose();
      saverRef.current = null;
    };
  }, [bookId, device, enabled]);

  const checkRemote = useCallback(async () => {
    const saver = saverRef.current;
    if (!enabled || !saver || saver.hasPending || inFlight.current > 0) return;
    const started = generation.current;
    const server = await getProgress(bookId).catch(() => null);
    // A save that started meanwhile makes this answer stale.
    if (!server || started !== generation.current || inFlight.current > 0) return;
    const remote = remoteToOffer(server, readLocalRecord(bookId), device.id);
    setOffer(remote ? { remote, server } : null);
  }, [bookId, device.id, enabled]);

  useEffect(() => {
    if (!enabled) return;
    const onVisible = () => {
      if (document.visibilityState === 'visible') void checkRemote();
    };
    const timer = setInterval(onVisible, REMOTE_CHECK_MS);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [checkRemote, enabled]);

  const onLocation = useCallback((location: ReaderLocation) => {
    if (opened.current === null) {
      opened.current = location.position;
      return;
    }
    if (!moved.current && location.position === opened.current) return;
    moved.current = true;
    saverRef.current?.update({ position: location.position, progress: location.progress });
  }, []);

  /** The reader answered the offer: either way, do not ask about that position again. */
  const answerOffer = useCallback(() => {
    if (!offer) return;
    const local = readLocalRecord(bookId);
    writeLocalRecord(bookId, {
      position: local?.position ?? offer.remote.position,
      progress: local?.progress ?? offer.remote.progress,
      answered: answeredKey(offer.server),
    });
    setOffer(null);
  }, [bookId, offer]);

  return { offer: enabled ? offer : null, onLocation, answerOffer, checkRemote };
}
