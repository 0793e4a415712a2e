/** The sales context over HTTP: the product catalogue and the loan simulator. Composes one handler per use case, nothing else. */
import { salesRoutes } from '#schemas/sales/routes.ts';
import { httpApi } from '#shared/http/api.ts';
import { listProducts } from './catalogue/list-products.ts';
import { simulateLoan } from './simulator/simulate-loan.ts';

export const handler = httpApi(salesRoutes, { listProducts, simulateLoan });
