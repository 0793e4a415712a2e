/**
 * The loan simulator: the form beside its result (one above the other on a phone). The result
 * sits in a polite live region, so a screen reader hears the figures once they come, and its
 * heading takes the focus after each simulation; the schedule follows, behind its disclosure. The
 * result stays until the next simulation succeeds.
 */
import { useEffect, useRef, useState } from 'react';
import type { LoanSimulation, LoanSimulationRequest } from '#schemas/sales/loan-simulation.ts';
import { useSimulateLoan } from '#web/src/features/sales/api/simulate-loan.ts';
import { AmortisationSchedule } from '#web/src/features/sales/components/amortisation-schedule.tsx';
import { SimulationResult } from '#web/src/features/sales/components/simulation-result.tsx';
import { SimulatorForm } from '#web/src/features/sales/components/simulator-form.tsx';
import type { LoanProduct } from '#web/src/features/sales/utils/simulation-form.ts';
import '#web/src/features/sales/sales.css';

type Simulated = { simulation: LoanSimulation; product: LoanProduct };

export const LoanSimulator = ({ loans }: { loans: readonly LoanProduct[] }) => {
  const simulate = useSimulateLoan();
  const [simulated, setSimulated] = useState<Simulated>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (simulated) headingRef.current?.focus();
  }, [simulated]);

  const run = (request: LoanSimulationRequest, product: LoanProduct) =>
    simulate.mutate(request, { onSuccess: (simulation) => setSimulated({ simulation, product }) });

  return (
    <div className="sales-layout">
      <SimulatorForm loans={loans} pending={simulate.isPending} error={simulate.error} onSimulate={run} />
      <div className="sales-results">
        <div aria-live="polite" aria-busy={simulate.isPending}>
          {simulated ? (
            <SimulationResult
              simulation={simulated.simulation}
              product={simulated.product}
              headingRef={headingRef}
            />
          ) : null}
        </div>
        {simulated ? <AmortisationSchedule simulation={simulated.simulation} /> : null}
      </div>
    </div>
  );
};
