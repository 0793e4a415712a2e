/**
 * What the screens rely on: the query cache. (The language needs no provider: i18next is ready
 * once `lib/i18n.ts` is imported, and react-i18next's hooks follow it.)
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ApiError } from '#web/src/lib/api-client.ts';

/** Client errors (4xx) will not change by retrying; network and server errors get two retries. */
const shouldRetry = (failures: number, error: unknown) =>
  !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2;

export const AppProvider = ({ children }: { children: ReactNode }) => {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // Customer reads are audited: no silent re-reads when the window regains focus.
          queries: { retry: shouldRetry, refetchOnWindowFocus: false },
          mutations: { retry: false },
        },
      }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
};
