import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { i18nReady } from './i18n';
import './styles.css';
import { AuthProvider } from './auth/AuthContext';
import { AppRoutes } from './router';

// The first paint is in the user's language, never a flash of the other one.
void i18nReady.then(() => createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthProvider>
      {/* location changes render at once, not as a transition: a list's handlers must see the
          URL the user just went to (a search typed right after switching views) */}
      <BrowserRouter useTransitions={false}>
        <AppRoutes />
      </BrowserRouter>
    </AuthProvider>
  </StrictMode>,
));
