// The shared styles first, so each screen's and component's own stylesheet (imported beside it) comes after them.
import './styles/base.css';
import './styles/shared.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AnnouncerProvider } from './components/Announcer';
import { SessionProvider } from './session';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: 1, refetchOnWindowFocus: true, staleTime: 2_000 },
    mutations: { retry: false },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('No #root element in index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <AnnouncerProvider>
          <App />
        </AnnouncerProvider>
      </SessionProvider>
    </QueryClientProvider>
  </StrictMode>,
);
