/** The app's pages. Everything but the sign-in callback needs a session (see `AppLayout`). */
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AnalyticsRoute } from '../features/analytics/routes/analytics.tsx';
import { CustomerEditRoute } from '../features/customers/routes/customer-edit.tsx';
import { CustomerFileRoute } from '../features/customers/routes/customer-file.tsx';
import { AppLayout } from './layout.tsx';
import { AuthCallbackRoute } from './routes/auth-callback.tsx';
import { HomeRoute } from './routes/home.tsx';
import { NotFoundRoute } from './routes/not-found.tsx';
import { RouteError } from './routes/route-error.tsx';

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
      { path: 'analytics', element: <AnalyticsRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);

export const AppRouter = () => <RouterProvider router={router} />;
