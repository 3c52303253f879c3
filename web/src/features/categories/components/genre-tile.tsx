// One genre as a coloured tile: its name set large, the number of books beneath.
import { Link } from '@tanstack/react-router';
import { cn } from '@/utils/cn';
import { type Category } from '../schema';

const TONES = [
  'from-[#5b1a1a] to-[#2a0d0d]',
  'from-[#173a4a] to-[#0b1c24]',
  'from-[#3d2a5c] to-[#1a1128]',
  'from-[#1f4a33] to-[#0d2218]',
  'from-[#6a3b12] to-[#2b1806]',
  'from-[#2c3550] to-[#121726]',
  'from-[#5a2147] to-[#260d1e]',
  'from-[#3e4a1c] to-[#1a200b]',
];

function tone(slug: string): string {
  let h = 0;
  for (const c of slug) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return TONES[h % TONES.length] ?? TONES[0]!;
}

export function GenreTile({ category, className }: { category: Category; className?: string }) {
  return (
    <Link
      to="/categories/$slug"
      params={{ slug: category.slug }}
      data-testid="genre-tile"
      className={cn(
        'group relative isolate flex min-h-28 flex-col justify-end overflow-hidden rounded-xl bg-linear-to-br p-4 text-[#f6efe6] ring-1 ring-white/10 transition-transform duration-300 hover:-translate-y-0.5 hover:ring-[#e2b45f]/60 sm:min-h-32 sm:p-5',
        tone(category.slug),
        className,
      )}
    >
      <span
        aria-hidden="true"
        className="absolute -top-6 -right-4 -z-10 font-display text-[7rem] leading-none text-white/[0.07] transition-transform duration-500 group-hover:scale-110"
      >
        {category.name.charAt(0)}
      </span>
      <span className="font-display text-lg leading-tight sm:text-xl">{category.name}</span>
      <span className="mt-1 text-xs text-[#e9dccb]/75">
        {category.book_count.toLocaleString()} {category.book_count === 1 ? 'book' : 'books'}
      </span>
    </Link>
  );
}
