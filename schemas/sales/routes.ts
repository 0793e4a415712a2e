/** The sales context's routes: the product catalogue, the loan simulator and the savings projection. */

import { productReaders } from '../roles.ts';
import type { RouteDefinition } from '../route-definition.ts';
import * as z from '../zod.ts';
import { LoanSimulation, LoanSimulationRequest } from './loan-simulation.ts';
import { Product } from './product.ts';
import { SavingsProjection, SavingsProjectionRequest } from './savings-projection.ts';

export const salesRoutes = [
  {
    id: 'listProducts',
    method: 'GET',
    path: '/v1/products',
    context: 'sales',
    summary: "The bank's products, their eligibility and pricing parameters",
    roles: productReaders,
    response: { status: 200, body: z.object({ items: z.array(Product) }) },
  },
  {
    id: 'simulateLoan',
    method: 'POST',
    path: '/v1/simulations/loans',
    context: 'sales',
    summary: 'Simulate a loan: instalment, schedule, cost, TAEG and usury check (nothing is stored)',
    roles: productReaders,
    body: LoanSimulationRequest,
    response: { status: 200, body: LoanSimulation },
  },
  {
    id: 'projectSavings',
    method: 'POST',
    path: '/v1/simulations/savings',
    context: 'sales',
    summary: 'Project savings year by year at the product rate of today (nothing is stored)',
    roles: productReaders,
    body: SavingsProjectionRequest,
    response: { status: 200, body: SavingsProjection },
  },
] as const satisfies readonly RouteDefinition[];
