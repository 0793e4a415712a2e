/** Entry point: read `/config.json`, then start the app (or say plainly that it cannot start). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { loadConfig } from './lib/config.ts';
import { messagesFor, readStoredLang } from './lib/i18n.ts';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

loadConfig().then(
  () =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  (error: unknown) => {
    console.error(error);
    const lang = readStoredLang();
    document.documentElement.lang = lang;
    root.render(
      <main id="main" className="page page-narrow">
        <p className="alert alert-error" role="alert">
          {messagesFor(lang).app.configError}
        </p>
      </main>,
    );
  },
);
