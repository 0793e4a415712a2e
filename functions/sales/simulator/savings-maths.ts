/**
 * The savings projection of the simulator, pure: a first deposit, then a deposit at the start of
 * each month, at a yearly rate. As on French passbook accounts (Livret A, LDDS, LEP…) and euro
 * funds, interest runs within the year without compounding and is credited once, at the year's
 * end, where it starts earning in turn; a month's deposit earns for the months left in the year
 * (the banks count by fortnights: a month is two of them, so deposits made on the first of a
 * month come to the same). A ceiling stops the deposits once the balance reaches it; credited
 * interest may take the balance over it, as the regulated accounts allow. Amounts in cents.
 */

export type SavingsPlan = {
  initialCents: number;
  monthlyCents: number;
  annualRate: number;
  years: number;
  ceilingCents?: number;
};

export type SavingsYear = {
  year: number;
  /** Deposited during the year (the first deposit counts in the first year). */
  depositedCents: number;
  interestCents: number;
  /** On 31 December, interest credited. */
  balanceCents: number;
};

/** Year by year, what is deposited, the interest credited and the balance at the year's end. */
export const projectSavings = (plan: SavingsPlan): SavingsYear[] => {
  const ceiling = plan.ceilingCents ?? Number.POSITIVE_INFINITY;
  const lines: SavingsYear[] = [];
  let balance = Math.min(plan.initialCents, ceiling);
  let depositedThisYear = balance;
  for (let year = 1; year <= plan.years; year++) {
    // What was there on 1 January earns the whole year.
    let interest = balance * plan.annualRate;
    for (let month = 1; month <= 12; month++) {
      const deposit = Math.max(0, Math.min(plan.monthlyCents, ceiling - balance));
      balance += deposit;
      depositedThisYear += deposit;
      interest += (deposit * plan.annualRate * (13 - month)) / 12;
    }
    const credited = Math.round(interest);
    balance += credited;
    lines.push({ year, depositedCents: depositedThisYear, interestCents: credited, balanceCents: balance });
    depositedThisYear = 0;
  }
  return lines;
};
