/**
 * A loan simulation: `POST /v1/simulations/loans` answers the instalment, the cost, the TAEG and
 * its usury check, and the schedule. Nothing is stored: sending it again is harmless. A 400 names
 * the fields the product cannot take (`errors`), a 404 a product no longer in the catalogue.
 */
import { useMutation } from '@tanstack/react-query';
import type { LoanSimulation, LoanSimulationRequest } from '#schemas/sales/loan-simulation.ts';
import { apiRequest } from '#web/src/lib/api-client.ts';

export const simulateLoan = (body: LoanSimulationRequest) =>
  apiRequest<LoanSimulation>('/v1/simulations/loans', { method: 'POST', body });

export const useSimulateLoan = () => useMutation({ mutationFn: simulateLoan });
