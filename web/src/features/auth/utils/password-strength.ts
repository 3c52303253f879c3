// A rough, client-side guess at how hard a password is to guess, for the live meter.
// The server's zxcvbn check decides; this only nudges while typing. It splits the
// password into runs of letters, digits and symbols, prices each run roughly as
// zxcvbn would (a run of letters is probably a word), discounts common words, the
// user's own name, sequences and repeats, and maps the total onto zxcvbn's 0-4 scale.

export type Strength = {
  /** 0 (empty) to 4 (strong). */
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  hint: string;
};

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

const COMMON = [
  'password',
  'passw0rd',
  'qwerty',
  'letmein',
  'welcome',
  'admin',
  'iloveyou',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'master',
  'shadow',
  'abc',
  'trustno',
  'superman',
  'batman',
  'starwars',
  'mangu',
  'secret',
  'login',
  'hello',
  'love',
];

const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiopasdfghjklzxcvbnm'];

function isSequence(run: string): boolean {
  if (run.length < 3) return false;
  return SEQUENCES.some((line) => line.includes(run) || line.includes([...run].reverse().join('')));
}

function isRepeat(run: string): boolean {
  return run.length >= 3 && new Set(run).size === 1;
}

/** Bits for one run of letters (word-like), digits or symbols. */
function runBits(run: string, context: readonly string[]): number {
  const lower = run.toLowerCase();
  if (isRepeat(lower)) return 4 + Math.log2(run.length);
  if (isSequence(lower)) return 3 + Math.log2(run.length);
  if (/^\d+$/.test(run)) return /^(19|20)\d\d$/.test(run) ? 7 : run.length * 3.32;
  if (!/^[a-z]+$/i.test(run)) return run.length * 5;

  let bits = Math.min(run.length * 4.7, 11 + run.length * 0.6);
  if (COMMON.some((word) => lower.includes(word))) bits = 4;
  if (context.some((word) => word.length >= 3 && lower.includes(word))) bits = 2;
  if (/^[A-Z][a-z]/.test(run)) bits += 1;
  if (/[a-z][A-Z]/.test(run)) bits += 2;
  return bits;
}

function estimateBits(password: string, context: readonly string[]): number {
  const words = context.map((word) => word.toLowerCase()).filter((word) => word.length >= 3);
  const runs = password.match(/[a-z]+|\d+|[^a-z\d]+/gi) ?? [];
  return runs.reduce((sum, run) => sum + runBits(run, words), 0);
}

const LEVELS: Array<Omit<Strength, 'score'>> = [
  { label: '', hint: `Use at least ${MIN_PASSWORD_LENGTH} characters.` },
  { label: 'Too weak', hint: 'Easy to guess. Try a few unrelated words.' },
  { label: 'Weak', hint: 'Add another word; avoid names and common patterns.' },
  { label: 'Good', hint: 'Reasonable. One more word makes it strong.' },
  { label: 'Strong', hint: 'Hard to guess. Nice.' },
];

/**
 * `context` holds words the password should not lean on (the email's name, the
 * display name), as zxcvbn's user inputs do.
 */
export function estimateStrength(password: string, context: readonly string[] = []): Strength {
  if (password.length === 0) return { score: 0, ...LEVELS[0]! };
  if (password.length < MIN_PASSWORD_LENGTH) {
    const missing = MIN_PASSWORD_LENGTH - password.length;
    return {
      score: 1,
      label: 'Too short',
      hint: `${missing} more character${missing === 1 ? '' : 's'} needed.`,
    };
  }
  // zxcvbn's score thresholds: 10^6, 10^8 and 10^10 guesses.
  const bits = estimateBits(password, context);
  const score = bits < 20 ? 1 : bits < 26.6 ? 2 : bits < 33.2 ? 3 : 4;
  return { score, ...LEVELS[score]! };
}
