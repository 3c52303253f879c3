// The reader's toolbar icons (20×20, stroked in the current colour).
import { type ReactNode } from 'react';

function Icon({ children, className = 'size-5' }: { children: ReactNode; className?: string }) {
  return (
    <svg
      viewBox="0 0 20 20"
      aria-hidden="true"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

export const BackIcon = () => (
  <Icon>
    <path d="M12.5 4.5 7 10l5.5 5.5" />
  </Icon>
);
export const NextIcon = () => (
  <Icon>
    <path d="M7.5 4.5 13 10l-5.5 5.5" />
  </Icon>
);
export const TocIcon = () => (
  <Icon>
    <path d="M3.5 5h13M3.5 10h13M3.5 15h8" />
  </Icon>
);
export const NotesIcon = () => (
  <Icon>
    <path d="M5 3.5h7l3 3v10H5z M12 3.5v3h3 M7.5 10h5M7.5 13h3.5" />
  </Icon>
);
export function BookmarkIcon({ filled }: { filled: boolean }) {
  return (
    <Icon>
      <path d="M5.5 3.5h9v13L10 13l-4.5 3.5z" fill={filled ? 'currentColor' : 'none'} />
    </Icon>
  );
}
export const SettingsIcon = () => (
  <Icon>
    <path d="M3 15.5 7 5l4 10.5M4.4 12h5.2 M12.5 15.5l2.5-6 2.5 6M13.3 13.6h3.4" />
  </Icon>
);
export function FullscreenIcon({ active }: { active: boolean }) {
  return (
    <Icon>
      {active ? (
        <path d="M7.5 3.5v4h-4M12.5 3.5v4h4M7.5 16.5v-4h-4M12.5 16.5v-4h4" />
      ) : (
        <path d="M3.5 7.5v-4h4M16.5 7.5v-4h-4M3.5 12.5v4h4M16.5 12.5v4h-4" />
      )}
    </Icon>
  );
}
export const CloseIcon = () => (
  <Icon>
    <path d="M5 5l10 10M15 5 5 15" />
  </Icon>
);
export const TrashIcon = () => (
  <Icon className="size-4">
    <path d="M4 6h12M8 6V4h4v2M6 6l.8 10h6.4L14 6" />
  </Icon>
);
export const HighlightIcon = () => (
  <Icon className="size-4">
    <path d="M4 16h5M11.5 3.5l4 4L9 14H5v-4z" />
  </Icon>
);
