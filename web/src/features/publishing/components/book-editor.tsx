// The book editor (/publish/books/new and /publish/books/$bookId): the form, the three uploads,
// publish and unpublish, the version list and the 30-day chart.
//
// A new book has no id, and uploads need one: the first file dropped creates the draft from
// what the form holds (stand-ins where it is still empty) and the editor carries on with it.
// When a manuscript passes its checks, its metadata fills the empty fields and the stand-ins;
// anything the author typed is only replaced after asking (utils/prefill.ts).
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { QueryError } from '@/components/ui/query-error';
import { Skeleton } from '@/components/ui/skeleton';
import { useFormErrors } from '@/hooks/use-form-errors';
import { joinNames } from '@/utils/catalog-format';
import { bookFilesQueryOptions, useBookFiles } from '../api/book-files';
import { useBookStats } from '../api/get-book-stats';
import { editableBookQueryOptions, useEditableBook } from '../api/get-editable-book';
import { useCategoryTree } from '../api/list-category-tree';
import { bookSaved, createBook, setPublished, updateBook } from '../api/save-book';
import { useUpload } from '../hooks/use-upload';
import type {
  BookField,
  BookFormValues,
  CompleteAnswer,
  EditableBook,
  EpubMetadata,
} from '../schema';
import {
  checkBookForm,
  defaultPlaceholders,
  draftInput,
  emptyBookForm,
  formFromBook,
  sameValues,
} from '../utils/book-form-values';
import {
  type PrefillConflict,
  acceptConflicts,
  mergePrefill,
  suggestionFromMetadata,
} from '../utils/prefill';
import { BookFormFields } from './book-form-fields';
import { CoverCard, EditorCard, ManuscriptCard, SampleCard } from './file-cards';
import { FileVersions } from './file-versions';
import { PrefillDialog } from './prefill-dialog';
import { StatsChart } from './stats-chart';

const FIELDS = [
  'title',
  'subtitle',
  'description',
  'language',
  'isbn',
  'page_count',
  'price_cents',
  'currency',
  'format',
  'category_ids',
];

type BookEditorProps = {
  /** null for a new book. */
  initialBookId: number | null;
  /** A new book got its id (its draft was created): the page's URL follows. */
  onCreated: (id: number) => void;
  authorName: string;
};

function formatOf(answer: CompleteAnswer): '' | 'epub' | 'pdf' {
  const format = answer.report?.format ?? '';
  if (format === 'epub' || format === 'pdf') return format;
  if (answer.file.content_type.includes('pdf')) return 'pdf';
  if (answer.file.content_type.includes('epub')) return 'epub';
  return '';
}

function fileFormat(file: File): '' | 'epub' | 'pdf' {
  const name = file.name.toLowerCase();
  if (file.type === 'application/pdf' || name.endsWith('.pdf')) return 'pdf';
  if (file.type === 'application/epub+zip' || name.endsWith('.epub')) return 'epub';
  return '';
}

export function BookEditor({ initialBookId, onCreated, authorName }: BookEditorProps) {
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const errors = useFormErrors(formRef);
  const [bookId, setBookId] = useState<number | null>(initialBookId);
  const book = useEditableBook(bookId);
  const files = useBookFiles(bookId);
  const stats = useBookStats(bookId);
  const tree = useCategoryTree();

  const [values, setValues] = useState<BookFormValues>(emptyBookForm);
  const [saved, setSaved] = useState<BookFormValues | null>(null);
  const [loadedFor, setLoadedFor] = useState<number | null>(null);
  const [placeholders, setPlaceholders] = useState<Set<BookField>>(
    () => new Set(defaultPlaceholders),
  );
  const [prefilled, setPrefilled] = useState<Set<BookField>>(() => new Set());
  const [suggestedCategories, setSuggestedCategories] = useState<number[]>([]);
  const [conflicts, setConflicts] = useState<PrefillConflict[]>([]);
  const [conflictRound, setConflictRound] = useState(0);
  const [metadata, setMetadata] = useState<EpubMetadata | null>(null);
  const [coverPreview, setCoverPreview] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<'saving' | 'publishing' | 'unpublishing' | null>(null);
  const [confirm, setConfirm] = useState<'publish-empty' | 'unpublish' | null>(null);
  const creating = useRef<Promise<number> | null>(null);

  // The first copy of an existing book fills the form.
  if (book.data && bookId !== null && loadedFor !== bookId) {
    const fromServer = formFromBook(book.data);
    setLoadedFor(bookId);
    setValues(fromServer);
    setSaved(fromServer);
    setPlaceholders(new Set());
  }

  const dirty = saved === null || !sameValues(values, saved);
  const status = book.data?.status ?? 'draft';
  const readyFile = (kind: 'manuscript' | 'cover' | 'sample') =>
    files.data?.find((f) => f.kind === kind && f.status === 'ready');
  const manuscript = readyFile('manuscript');

  useEffect(() => {
    if (!dirty || saved === null) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, saved]);

  const change = <K extends BookField>(field: K, value: BookFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setPlaceholders((p) => {
      if (!p.has(field)) return p;
      const next = new Set(p);
      next.delete(field);
      return next;
    });
    setNotice(null);
    errors.clearField(
      field === 'price'
        ? 'price_cents'
        : field === 'pageCount'
          ? 'page_count'
          : field === 'categoryIds'
            ? 'category_ids'
            : field,
    );
  };

  const afterSave = (next: EditableBook) => {
    bookSaved(queryClient, next);
    const fromServer = formFromBook(next);
    setSaved(fromServer);
    setValues(fromServer);
    setLoadedFor(next.id);
    setPlaceholders(new Set());
  };

  /** The book's id, creating the draft when there is none yet (once, whatever is dropped first). */
  const ensureBookId = (file: File): Promise<number> => {
    if (bookId !== null) return Promise.resolve(bookId);
    creating.current ??= (async () => {
      const { input, standIns } = draftInput(values, file.name, fileFormat(file));
      const created = await createBook(input);
      bookSaved(queryClient, created);
      setValues((v) => ({ ...v, title: input.title, format: input.format }));
      setPlaceholders((p) => new Set([...p, ...standIns]));
      setSaved({ ...formFromBook(created), title: input.title });
      setLoadedFor(created.id);
      setBookId(created.id);
      onCreated(created.id);
      return created.id;
    })().finally(() => {
      creating.current = null;
    });
    return creating.current;
  };

  const refreshFiles = (id: number) => {
    void queryClient.invalidateQueries({ queryKey: bookFilesQueryOptions(id).queryKey });
    void queryClient.invalidateQueries({ queryKey: ['publishing', 'my-books'] });
  };

  const manuscriptUpload = useUpload('manuscript', {
    bookId: ensureBookId,
    onComplete: (answer) => {
      refreshFiles(answer.file.book_id);
      const meta = answer.report?.metadata ?? null;
      setMetadata(meta);
      const suggestion = suggestionFromMetadata(
        meta ?? { creators: [], subjects: [] },
        formatOf(answer),
        tree.data ?? [],
      );
      setSuggestedCategories(suggestion.categoryIds ?? []);
      const result = mergePrefill(values, placeholders, suggestion);
      setValues(result.values);
      setPrefilled((p) => new Set([...p, ...result.filled]));
      setPlaceholders((p) => new Set([...p].filter((f) => !result.filled.includes(f))));
      setConflicts(result.conflicts);
      setConflictRound((n) => n + 1);
      setNotice(
        result.filled.length > 0 || result.conflicts.length > 0
          ? 'Manuscript checked. Details from the file are filled in below: review them and save.'
          : 'Manuscript checked and ready.',
      );
    },
  });

  /** The chosen cover image, shown while it uploads; its object URL is freed when replaced. */
  const showCoverPreview = (url: string | null) =>
    setCoverPreview((old) => {
      if (old) URL.revokeObjectURL(old);
      return url;
    });

  const coverUpload = useUpload('cover', {
    bookId: (file) => {
      showCoverPreview(URL.createObjectURL(file));
      return ensureBookId(file);
    },
    onComplete: (answer) => {
      refreshFiles(answer.file.book_id);
      void queryClient
        .invalidateQueries({ queryKey: editableBookQueryOptions(answer.file.book_id).queryKey })
        .then(() => showCoverPreview(null));
      void queryClient.invalidateQueries({ queryKey: ['books'] });
    },
  });

  const sampleUpload = useUpload('sample', {
    bookId: ensureBookId,
    onComplete: (answer) => refreshFiles(answer.file.book_id),
  });

  const decideConflicts = (accepted: Set<BookField>) => {
    setValues((v) => acceptConflicts(v, conflicts, accepted));
    setPrefilled((p) => new Set([...p, ...accepted]));
    for (const field of accepted) errors.clearField(field);
    setConflicts([]);
  };

  /** Saves the form; resolves to the saved book, or null when something needs fixing. */
  const save = async (): Promise<EditableBook | null> => {
    const { input, errors: found } = checkBookForm(values);
    if (!errors.check(found as Record<string, string>)) return null;
    try {
      const next = bookId === null ? await createBook(input) : await updateBook(bookId, input);
      afterSave(next);
      if (bookId === null) {
        setBookId(next.id);
        onCreated(next.id);
      }
      return next;
    } catch (error) {
      errors.fromError(error, FIELDS);
      return null;
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('saving');
    setNotice(null);
    const next = await save();
    setBusy(null);
    if (next)
      setNotice(
        status === 'published' ? 'Saved. The store shows the changes now.' : 'Draft saved.',
      );
  };

  const publish = async (confirmed = false) => {
    setNotice(null);
    if (!confirmed && !manuscript) {
      setConfirm('publish-empty');
      return;
    }
    setConfirm(null);
    setBusy('publishing');
    const current = dirty || bookId === null ? await save() : (book.data ?? null);
    if (!current) {
      setBusy(null);
      return;
    }
    try {
      const next = await setPublished(current.id, true);
      afterSave(next);
      setNotice('Published. Readers can find and buy the book now.');
    } catch (error) {
      errors.fromError(error, FIELDS);
    }
    setBusy(null);
  };

  const unpublish = async () => {
    if (bookId === null) return;
    setConfirm(null);
    setBusy('unpublishing');
    try {
      const next = await setPublished(bookId, false);
      afterSave(next);
      setNotice('Unpublished. The book is a draft again; readers who bought it keep it.');
    } catch (error) {
      errors.fromError(error, FIELDS);
    }
    setBusy(null);
  };

  const cover = readyFile('cover');
  const totals = (stats.data ?? []).reduce(
    (t, d) => ({ views: t.views + d.views, sales: t.sales + d.purchases }),
    { views: 0, sales: 0 },
  );

  if (bookId !== null && book.error && !book.data) {
    return (
      <QueryError
        title="This book could not be loaded"
        error={book.error}
        onRetry={() => void book.refetch()}
        retrying={book.isFetching}
      />
    );
  }
  if (bookId !== null && loadedFor !== bookId) {
    return (
      <div aria-busy="true" className="flex flex-col gap-6">
        <span className="sr-only">Loading the book…</span>
        <Skeleton className="h-12 w-2/3" />
        <div className="grid gap-6 md:grid-cols-2">
          <Skeleton className="h-56 rounded-2xl" />
          <Skeleton className="h-56 rounded-2xl" />
        </div>
        <Skeleton className="h-96 rounded-2xl" />
      </div>
    );
  }

  const authors = book.data ? joinNames(book.data.authors.map((a) => a.name)) : authorName;
  const uploading = [manuscriptUpload, coverUpload, sampleUpload].some((u) =>
    ['preparing', 'uploading', 'checking'].includes(u.state.phase),
  );

  return (
    <>
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => void onSubmit(e)}
        className="flex flex-col gap-8"
      >
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div className="flex min-w-0 flex-col gap-2">
            <Link
              to="/publish"
              className="text-xs font-semibold tracking-[0.3em] text-accent uppercase hover:underline"
            >
              ← Your books
            </Link>
            <h1
              className="font-display text-3xl text-balance text-ink sm:text-4xl"
              data-testid="editor-title"
            >
              {bookId === null ? 'New book' : values.title.trim() || 'Untitled book'}
            </h1>
            <div className="flex flex-wrap items-center gap-2 text-sm text-ink-muted">
              <Badge tone={status === 'published' ? 'positive' : 'neutral'}>
                <span data-testid="book-status">
                  {status === 'published' ? 'Published' : 'Draft'}
                </span>
              </Badge>
              {authors && <span>by {authors}</span>}
            </div>
          </div>
          {status === 'published' && book.data && (
            <Link
              to="/books/$slug"
              params={{ slug: book.data.slug }}
              className={buttonClasses('secondary')}
            >
              View in the store
            </Link>
          )}
        </div>

        <FormAlert tone="success">{notice}</FormAlert>
        <FormAlert>{errors.alert}</FormAlert>

        <div className="grid gap-6 md:grid-cols-2">
          <ManuscriptCard upload={manuscriptUpload} current={manuscript} metadata={metadata} />
          <CoverCard
            upload={coverUpload}
            coverUrl={book.data?.cover_url}
            // A refused cover goes back to the current one.
            previewUrl={coverUpload.state.phase === 'failed' ? null : coverPreview}
            title={values.title}
            author={authors}
            hasCover={Boolean(cover)}
            published={status === 'published'}
          />
        </div>

        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <Card className="p-5 sm:p-6">
            <BookFormFields
              values={values}
              onChange={change}
              errors={errors.fields}
              prefilled={prefilled}
              suggestedCategories={suggestedCategories}
            />
          </Card>
          <div className="flex flex-col gap-6">
            <EditorCard
              title="Last 30 days"
              testId="stats-card"
              description={
                bookId === null
                  ? 'Views and sales show here once the book is published.'
                  : `${totals.views.toLocaleString()} views · ${totals.sales.toLocaleString()} sales`
              }
            >
              {bookId !== null &&
                (stats.data ? (
                  <StatsChart days={stats.data} />
                ) : stats.error ? (
                  <p className="text-sm text-ink-muted">The numbers could not be loaded.</p>
                ) : (
                  <Skeleton className="h-32 rounded-xl" />
                ))}
            </EditorCard>
            <SampleCard upload={sampleUpload} current={readyFile('sample')} />
            {bookId !== null && (
              <EditorCard title="Versions" description="Every file uploaded for this book.">
                <FileVersions bookId={bookId} />
              </EditorCard>
            )}
          </div>
        </div>

        <div className="sticky bottom-0 z-20 -mx-4 border-t border-line bg-canvas/90 backdrop-blur-md sm:-mx-6">
          <div className="flex items-center justify-between gap-3 px-4 py-3 sm:px-6">
            <p
              className="min-w-0 truncate text-xs text-ink-muted sm:text-sm"
              role="status"
              data-testid="save-state"
            >
              {uploading
                ? 'Uploading…'
                : bookId === null
                  ? 'Not saved yet'
                  : dirty
                    ? 'Unsaved changes'
                    : status === 'published'
                      ? 'Saved · published'
                      : 'Saved · draft'}
            </p>
            <div className="flex shrink-0 gap-2">
              <Button
                type="submit"
                variant="secondary"
                className="max-sm:px-3"
                disabled={busy !== null || (!dirty && bookId !== null)}
              >
                {busy === 'saving' ? (
                  'Saving…'
                ) : (
                  <>
                    Save
                    <span className="max-sm:hidden">
                      {status === 'published' ? ' changes' : ' draft'}
                    </span>
                  </>
                )}
              </Button>
              {status === 'published' ? (
                <Button
                  variant="ghost"
                  className="border border-line max-sm:px-3"
                  disabled={busy !== null}
                  onClick={() => setConfirm('unpublish')}
                >
                  {busy === 'unpublishing' ? 'Unpublishing…' : 'Unpublish'}
                </Button>
              ) : (
                <Button disabled={busy !== null || uploading} onClick={() => void publish()}>
                  {busy === 'publishing' ? 'Publishing…' : 'Publish'}
                </Button>
              )}
            </div>
          </div>
        </div>
      </form>
      {/* Outside the form: a dialog's own submit must not submit the book. */}
      {conflicts.length > 0 && (
        <PrefillDialog
          key={conflictRound}
          conflicts={conflicts}
          tree={tree.data ?? []}
          onDecide={decideConflicts}
        />
      )}
      <ConfirmDialog
        open={confirm === 'publish-empty'}
        title="Publish without a manuscript?"
        confirmLabel="Publish anyway"
        onConfirm={() => void publish(true)}
        onCancel={() => setConfirm(null)}
      >
        <p>
          Readers who buy the book will have nothing to read until you upload the manuscript. You
          can upload it now and publish afterwards.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === 'unpublish'}
        title="Unpublish this book?"
        confirmLabel="Unpublish"
        tone="danger"
        onConfirm={() => void unpublish()}
        onCancel={() => setConfirm(null)}
      >
        <p>
          It leaves the store at once and becomes a draft. Readers who bought it keep it in their
          library. You can publish it again at any time.
        </p>
      </ConfirmDialog>
    </>
  );
}
