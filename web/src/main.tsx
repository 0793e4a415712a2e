/** Entry point: read `/config.json`, then start the app (or say plainly that it cannot start). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '#web/src/app/app.tsx';
import { loadConfig } from '#web/src/lib/config.ts';
import { i18n } from '#web/src/lib/i18n.ts';
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
    root.render(
      <main id="main" className="page page-narrow">
        <p className="alert alert-error" role="alert">
          {i18n.t('app.configError')}
        </p>
      </main>,
    );
  },
);
