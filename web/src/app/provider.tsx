// App-wide providers. Tests pass their own query client.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useSessionCacheReset } from '@/hooks/use-session-cache-reset';
import { createQueryClient } from '@/lib/query-client';

type AppProviderProps = { children: ReactNode; queryClient?: QueryClient };

export function AppProvider({ children, queryClient }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  useSessionCacheReset(client);

  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
