/**
 * The loan maths of the sales simulator (configurateur de vente), pure: the constant monthly
 * instalment and its amortisation schedule in cents, the borrower's insurance, and the annual
 * percentage rate of charge (TAEG) by the actuarial method of Directive 2008/48/EC, annex I
 * (French Code de la consommation, articles R314-1 to R314-3): the rate that makes what the
 * lender pays out and what the borrower pays back, each discounted to the first drawdown, equal.
 *
 * Amounts are integer cents wherever money is added up, so a schedule sums to the cent; rates are
 * fractions (0.049 for 4.90 %). The monthly rate is the nominal annual rate divided by twelve (the
 * proportional rate French lenders quote as *taux débiteur*); intervals in the TAEG are equal
 * months of a twelfth of a year (annex I, remark (c)).
 */

/** An amount paid at a time, in years from the first drawdown (annex I: `C_k, t_k` and `D_l, s_l`). */
export type CashFlow = { cents: number; years: number };

export type LoanTerms = {
  /** What is lent, in cents: the price financed less the down payment. */
  principalCents: number;
  /** Nominal annual rate (taux débiteur), as a fraction. */
  annualRate: number;
  months: number;
  /** Borrower's insurance, a yearly rate of the initial capital, paid monthly with each instalment. */
  insuranceAnnualRate?: number;
  /** Charges paid when the loan is drawn (frais de dossier, guarantee), in cents. */
  upfrontFeesCents?: number;
};

export type ScheduleLine = {
  month: number;
  /** Instalment without insurance. */
  paymentCents: number;
  interestCents: number;
  principalCents: number;
  insuranceCents: number;
  /** Capital still owed after this instalment. */
  remainingCents: number;
};

export type LoanSimulation = {
  /** The constant instalment without insurance (the last one absorbs the rounding). */
  monthlyPaymentCents: number;
  monthlyInsuranceCents: number;
  schedule: ScheduleLine[];
  totalInterestCents: number;
  totalInsuranceCents: number;
  upfrontFeesCents: number;
  /** Interest, insurance and fees: the total cost of the credit to the borrower. */
  totalCostCents: number;
  /** Capital and total cost: everything the borrower pays. */
  totalDueCents: number;
  /** TAEG, as a fraction, unrounded: `ratePercent` rounds it as the annex says. */
  annualPercentageRate: number;
};

/** The constant instalment that repays `principalCents` in `months` at `annualRate`, in cents. */
export const monthlyPayment = (principalCents: number, annualRate: number, months: number): number => {
  const rate = annualRate / 12;
  if (rate === 0) return Math.ceil(principalCents / months);
  return Math.round((principalCents * rate) / (1 - (1 + rate) ** -months));
};

/**
 * The amortisation schedule: each month's interest on the capital still owed (rounded to the
 * cent), the rest of the instalment repays capital, and the last instalment repays exactly what is
 * left, so capital repaid sums to the principal.
 */
export const amortisationSchedule = (terms: LoanTerms): ScheduleLine[] => {
  const rate = terms.annualRate / 12;
  const payment = monthlyPayment(terms.principalCents, terms.annualRate, terms.months);
  const insurance = monthlyInsurance(terms);
  const lines: ScheduleLine[] = [];
  let remaining = terms.principalCents;
  for (let month = 1; month <= terms.months; month++) {
    const interest = Math.round(remaining * rate);
    const principal = month === terms.months ? remaining : Math.min(payment - interest, remaining);
    remaining -= principal;
    lines.push({
      month,
      paymentCents: principal + interest,
      interestCents: interest,
      principalCents: principal,
      insuranceCents: insurance,
      remainingCents: remaining,
    });
  }
  return lines;
};

/** The monthly insurance premium: the yearly rate on the initial capital, a twelfth each month. */
const monthlyInsurance = (terms: LoanTerms): number =>
  Math.round((terms.principalCents * (terms.insuranceAnnualRate ?? 0)) / 12);

/** Everything the simulator shows of a loan: instalment, schedule, costs and TAEG. */
export const simulateLoan = (terms: LoanTerms): LoanSimulation => {
  const schedule = amortisationSchedule(terms);
  const fees = terms.upfrontFeesCents ?? 0;
  const totalInterest = sum(schedule.map((line) => line.interestCents));
  const totalInsurance = sum(schedule.map((line) => line.insuranceCents));
  const totalCost = totalInterest + totalInsurance + fees;
  return {
    monthlyPaymentCents: schedule[0]?.paymentCents ?? 0,
    monthlyInsuranceCents: schedule[0]?.insuranceCents ?? 0,
    schedule,
    totalInterestCents: totalInterest,
    totalInsuranceCents: totalInsurance,
    upfrontFeesCents: fees,
    totalCostCents: totalCost,
    totalDueCents: terms.principalCents + totalCost,
    annualPercentageRate: annualPercentageRate(
      // The fees are paid when the loan is drawn: the borrower receives the principal less them.
      [{ cents: terms.principalCents - fees, years: 0 }],
      schedule.map((line) => ({
        cents: line.paymentCents + line.insuranceCents,
        years: line.month / 12,
      })),
    ),
  };
};

/**
 * The annual percentage rate of charge (annex I, part I): the `X` for which the drawdowns and the
 * repayments, each discounted by `(1 + X)^-t`, are worth the same. The difference between them
 * grows with `X` when repayments come after drawdowns, so bisection finds the one root; 200 halvings
 * of the bracket leave it far below the 0.01 point the annex asks.
 */
export const annualPercentageRate = (
  drawdowns: readonly CashFlow[],
  repayments: readonly CashFlow[],
): number => {
  const presentValue = (flows: readonly CashFlow[], rate: number) =>
    flows.reduce((total, flow) => total + flow.cents * (1 + rate) ** -flow.years, 0);
  const gap = (rate: number) => presentValue(drawdowns, rate) - presentValue(repayments, rate);
  let low = -0.99;
  let high = 1;
  while (gap(high) < 0) high *= 2;
  for (let i = 0; i < 200; i++) {
    const middle = (low + high) / 2;
    if (gap(middle) < 0) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
};

/**
 * A rate in per cent as the annex writes it (remark (d)): to `decimals` places, a following figure
 * of 5 or more rounding up. Two places, as French offers show the TAEG.
 */
export const ratePercent = (rate: number, decimals = 2): number => {
  const scale = 10 ** decimals;
  // The epsilon keeps a rate that is exactly on the half (e.g. 12.345 stored as 12.34499…) rounding up.
  return Math.floor(rate * 100 * scale + 0.5 + 1e-9) / scale;
};

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
