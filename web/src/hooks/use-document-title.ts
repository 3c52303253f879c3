// Sets the tab title for the page being shown.
import { useEffect } from 'react';

const SITE_NAME = 'MANGU Publishing';

export function useDocumentTitle(title?: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${SITE_NAME}` : SITE_NAME;
  }, [title]);
}
