/**
 * The app's pages: paths to the pages of `routes/`. Everything but the sign-in callback needs a
 * session (see `AppLayout`). The analyst screen is loaded on demand, with its chart library.
 */
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Loading } from '#web/src/components/ui/status.tsx';
import { AppLayout } from './layout.tsx';
import { AuthCallbackRoute } from './routes/auth-callback.tsx';
import { CustomerEditRoute } from './routes/customer-edit.tsx';
import { CustomerFileRoute } from './routes/customer-file.tsx';
import { HomeRoute } from './routes/home.tsx';
import { NotFoundRoute } from './routes/not-found.tsx';
import { PipelineRoute } from './routes/pipeline.tsx';
import { PrivacyRoute } from './routes/privacy.tsx';
import { RouteError } from './routes/route-error.tsx';
import { SimulatorRoute } from './routes/simulator.tsx';

const AnalyticsRoute = lazy(() =>
  import('./routes/analytics.tsx').then((page) => ({ default: page.AnalyticsRoute })),
);

/** A page loaded on demand, with a loading message until it comes. */
const OnDemand = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  return <Suspense fallback={<Loading label={t('app.loading')} />}>{children}</Suspense>;
};

const router = createBrowserRouter([
  { path: '/auth/callback', element: <AuthCallbackRoute />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'customers/:customerId', element: <CustomerFileRoute /> },
      { path: 'customers/:customerId/edit', element: <CustomerEditRoute /> },
      {
        path: 'analytics',
        element: (
          <OnDemand>
            <AnalyticsRoute />
          </OnDemand>
        ),
      },
      { path: 'privacy', element: <PrivacyRoute /> },
      { path: 'simulator', element: <SimulatorRoute /> },
      { path: 'pipeline', element: <PipelineRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);

export const AppRouter = () => <RouterProvider router={router} />;
