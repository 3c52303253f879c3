// An author's photo in a circle, or their initials on a warm gradient.
import { useState } from 'react';
import { cn } from '@/utils/cn';

// Deep, bookish tones; an author keeps theirs everywhere (it follows from the name).
const TONES = [
  'from-[#b07a3c] to-[#6b3a14]',
  'from-[#3f6f8a] to-[#1b3344]',
  'from-[#8a4a6b] to-[#3e1a2e]',
  'from-[#4f7a4a] to-[#1f3a1d]',
  'from-[#9a4a3a] to-[#45170f]',
  'from-[#5a5a8e] to-[#25254a]',
  'from-[#7a6a3a] to-[#3a3014]',
  'from-[#3a7a72] to-[#143a36]',
];

function tone(name: string): string {
  let h = 2166136261;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return TONES[h % TONES.length] ?? '';
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .slice(0, 2)
    .join('');
}

export function AuthorAvatar({
  name,
  src,
  className,
}: {
  name: string;
  src: string | null | undefined;
  className?: string;
}) {
  const [failed, setFailed] = useState(false);

  return (
    <span
      className={cn(
        'relative inline-flex aspect-square shrink-0 items-center justify-center overflow-hidden rounded-full bg-linear-to-br font-display text-[#f6efe6] ring-1 ring-line',
        tone(name),
        className,
      )}
    >
      {src && !failed ? (
        <img
          src={src}
          alt=""
          loading="lazy"
          decoding="async"
          onError={() => setFailed(true)}
          className="size-full object-cover"
        />
      ) : (
        <span aria-hidden="true" className="text-[length:inherit]">
          {initials(name)}
        </span>
      )}
    </span>
  );
}
