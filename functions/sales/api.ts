/**
 * The sales context over HTTP: the product catalogue, the loan simulator and the savings
 * projection. Composes one handler per use case, nothing else.
 */
import { salesRoutes } from '#schemas/sales/routes.ts';
import { httpApi } from '#shared/http/api.ts';
import { listProducts } from './catalogue/list-products.ts';
import { projectSavings } from './simulator/project-savings.ts';
import { simulateLoan } from './simulator/simulate-loan.ts';

export const handler = httpApi(salesRoutes, { listProducts, simulateLoan, projectSavings });
