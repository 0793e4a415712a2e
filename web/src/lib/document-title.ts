/** The browser tab title, per page: what the page is, then the product. */
import { useEffect } from 'react';

/** Sets `document.title` to `<title> – Relais` while the page is shown. */
export const useDocumentTitle = (title: string | undefined): void => {
  useEffect(() => {
    document.title = title ? `${title} – Relais` : 'Relais';
  }, [title]);
};
