// Shown when a page fails to render.
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { Button } from '@/components/ui/button';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  useDocumentTitle('Something went wrong');

  const message =
    error instanceof Error && error.message ? error.message : 'The page could not be shown.';
  const retry = () => {
    reset();
    void router.invalidate();
  };

  return (
    <section
      role="alert"
      className="mx-auto flex max-w-xl flex-col items-center gap-4 py-10 text-center"
    >
      <h1 className="font-display text-3xl text-ink">Something went wrong</h1>
      <p className="text-ink-muted">{message}</p>
      <Button onClick={retry}>Try again</Button>
    </section>
  );
}
