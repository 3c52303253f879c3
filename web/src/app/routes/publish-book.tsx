// /publish/books/new and /publish/books/$bookId: the book editor. A new book's first save or
// first upload creates its draft; the URL then names it without reloading the editor (uploads
// keep going), while opening another book starts a fresh editor.
import { createRoute, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useSession } from '@/hooks/use-session';
import { lazyNamed } from '@/utils/lazy-named';
import { NotFoundView } from './not-found';
import { PublishGate, canPublish } from './publish-gate';
import { requireUser } from './require-user';
import { rootRoute } from './root';

const BookEditor = lazyNamed(
  () => import('@/features/publishing/components/book-editor'),
  'BookEditor',
);

function PublishBookRoute() {
  const { bookId } = publishBookRoute.useParams();
  const { user } = useSession();
  const navigate = useNavigate();
  const isNew = bookId === 'new';
  const id = /^\d+$/.test(bookId) ? Number(bookId) : null;
  useDocumentTitle(isNew ? 'New book · Publish' : 'Edit book · Publish');

  // Which editor instance is showing: a new one for each book opened, but the same one when
  // the URL only catches up with the draft this editor created.
  const [editor, setEditor] = useState({ epoch: 0, createdId: null as number | null });
  const [shownParam, setShownParam] = useState(bookId);
  if (bookId !== shownParam) {
    setShownParam(bookId);
    if (id === null || id !== editor.createdId)
      setEditor((e) => ({ epoch: e.epoch + 1, createdId: null }));
  }

  if (!canPublish(user)) return <PublishGate user={user} />;
  if (!isNew && id === null) {
    return (
      <NotFoundView title="Book not found">
        That address does not name a book. Your books are listed under Publish.
      </NotFoundView>
    );
  }
  return (
    <BookEditor
      key={editor.epoch}
      initialBookId={id}
      authorName={user?.author?.name ?? user?.display_name ?? ''}
      onCreated={(created) => {
        setEditor((e) => ({ ...e, createdId: created }));
        void navigate({
          to: '/publish/books/$bookId',
          params: { bookId: String(created) },
          replace: true,
        });
      }}
    />
  );
}

export const publishBookRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/publish/books/$bookId',
  beforeLoad: ({ location }) => requireUser(location),
  component: PublishBookRoute,
});
