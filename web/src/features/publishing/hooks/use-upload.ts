// One upload slot (manuscript, cover or sample) as a small state machine:
// idle -> preparing (asks for a target) -> uploading (bytes, with real progress) -> checking
// (the server validates) -> done, or failed with the reasons the server gave. The book to upload
// to comes from `bookId()`, which may create the draft first.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, NetworkError } from '@/lib/api-client';
import { formErrorMessage } from '@/lib/form-errors';
import { completeUpload, requestUpload } from '../api/book-files';
import {
  type CompleteAnswer,
  type FileKind,
  type Reason,
  reasonSchema,
  uploadRules,
} from '../schema';
import { contentTypeOf, formatBytes, uploadWithProgress } from '../utils/xhr-upload';

export type UploadPhase = 'idle' | 'preparing' | 'uploading' | 'checking' | 'done' | 'failed';

export type UploadState = {
  phase: UploadPhase;
  fileName: string;
  loaded: number;
  total: number;
  /** One sentence on what went wrong. */
  error: string | null;
  /** The server's reasons for refusing the file (details.reasons), one line each. */
  reasons: Reason[];
};

const idle: UploadState = {
  phase: 'idle',
  fileName: '',
  loaded: 0,
  total: 0,
  error: null,
  reasons: [],
};

type UploadOptions = {
  /** The book's id, creating the draft first when there is none yet. */
  bookId: (file: File) => Promise<number>;
  onComplete: (answer: CompleteAnswer, file: File) => void;
};

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function reasonsOf(error: unknown): Reason[] {
  if (!(error instanceof ApiError)) return [];
  const raw = error.details.reasons;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = reasonSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

function messageOf(error: unknown): string {
  if (error instanceof NetworkError)
    return 'The upload was interrupted. Check your connection and try again.';
  if (error instanceof ApiError && error.status === 413)
    return error.message || 'This file is too large.';
  if (error instanceof ApiError && error.status === 415)
    return error.message || 'This kind of file is not accepted.';
  if (error instanceof ApiError && error.status === 422) return 'The file was refused:';
  return formErrorMessage(error) ?? 'The upload failed.';
}

/** The file checks the page can make before sending anything (the server checks again). */
export function precheck(kind: FileKind, file: File): string | null {
  const rules = uploadRules[kind];
  if (!rules.types.includes(contentTypeOf(file)))
    return `Choose a file of the right kind: ${rules.what}.`;
  if (file.size === 0) return 'This file is empty.';
  if (file.size > rules.maxBytes)
    return `This file is ${formatBytes(file.size)}; the limit is ${formatBytes(rules.maxBytes)}.`;
  return null;
}

export function useUpload(kind: FileKind, options: UploadOptions) {
  const [state, setState] = useState<UploadState>(idle);
  const controller = useRef<AbortController | null>(null);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (file: File) => {
      controller.current?.abort();
      const problem = precheck(kind, file);
      if (problem) {
        setState({ ...idle, phase: 'failed', fileName: file.name, error: problem });
        return;
      }
      const abort = new AbortController();
      controller.current = abort;
      const base = { ...idle, fileName: file.name, total: file.size };
      setState({ ...base, phase: 'preparing' });
      try {
        const bookId = await latest.current.bookId(file);
        const { file: pending, upload } = await requestUpload(
          bookId,
          { kind, fileName: file.name, contentType: contentTypeOf(file), size: file.size },
          abort.signal,
        );
        setState({ ...base, phase: 'uploading' });
        await uploadWithProgress(
          upload,
          file,
          ({ loaded, total }) =>
            setState((s) => (s.phase === 'uploading' ? { ...s, loaded, total } : s)),
          abort.signal,
        );
        setState({ ...base, phase: 'checking', loaded: file.size });
        const answer = await completeUpload(bookId, pending.id, abort.signal);
        setState({ ...base, phase: 'done', loaded: file.size });
        latest.current.onComplete(answer, file);
      } catch (error) {
        if (isAbort(error) || abort.signal.aborted) {
          setState(idle);
          return;
        }
        setState({ ...base, phase: 'failed', error: messageOf(error), reasons: reasonsOf(error) });
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [kind],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState(idle), []);

  return { state, start, cancel, reset };
}
