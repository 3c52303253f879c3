// "Continue where you left off on <device>?": another device read further (or elsewhere) since
// this one last saved. Jump there, or stay.
import { type RemotePosition } from '../utils/resume';

type ResumeOfferProps = {
  remote: RemotePosition;
  onAccept: () => void;
  onDismiss: () => void;
};

export function ResumeOffer({ remote, onAccept, onDismiss }: ResumeOfferProps) {
  const where = remote.deviceName ? `on ${remote.deviceName}` : 'on another device';
  return (
    <div
      role="alertdialog"
      aria-labelledby="resume-offer-title"
      aria-describedby="resume-offer-detail"
      data-testid="resume-offer"
      className="absolute inset-x-2 top-16 z-30 mx-auto flex max-w-lg flex-col gap-3 rounded-2xl border border-[var(--reader-line)] bg-[var(--reader-panel)] p-4 text-[var(--reader-text)] shadow-[0_20px_50px_-15px_rgba(0,0,0,0.55)] sm:flex-row sm:items-center"
    >
      <div className="min-w-0 flex-1">
        <p id="resume-offer-title" className="font-semibold">
          Continue where you left off {where}?
        </p>
        <p id="resume-offer-detail" className="text-sm text-[var(--reader-muted)]">
          You reached {Math.round(remote.progress * 100)}% there.
        </p>
      </div>
      <div className="flex shrink-0 gap-2">
        <button
          type="button"
          onClick={onDismiss}
          className="rounded-full px-3 py-2 text-sm hover:bg-[var(--reader-hover)]"
        >
          Stay here
        </button>
        <button
          type="button"
          onClick={onAccept}
          autoFocus
          className="rounded-full bg-[var(--reader-accent)] px-4 py-2 text-sm font-semibold text-[var(--reader-panel)]"
        >
          Go there
        </button>
      </div>
    </div>
  );
}
