/**
 * The environment variable that makes the crash child deposit in two transactions
 * (split-deposit-bug.ts): set it by hand, once, to see the crash test fail. Never set in CI.
 */
export const splitDepositFlag = 'CASIER_CRASH_SPLIT_DEPOSIT';
