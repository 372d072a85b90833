/** The only way cash and BTC change: a ledger entry, recorded today and added to the totals. */
import { LEDGER_KINDS, type Company, type LedgerKind } from "./state.ts";

export { LEDGER_KINDS };

export function emptyTotals(): Record<LedgerKind, number> {
  return Object.fromEntries(LEDGER_KINDS.map((k) => [k, 0])) as Record<LedgerKind, number>;
}

/** Posts an entry: `cents` and `sats` are signed changes to the company's cash and BTC. */
export function post(
  company: Company,
  day: number,
  kind: LedgerKind,
  cents: number,
  sats: number,
  ref: string,
): void {
  if (!Number.isSafeInteger(cents) || !Number.isSafeInteger(sats)) {
    throw new RangeError(`ledger amounts must be safe integers (${kind}: ${cents} cents, ${sats} sats)`);
  }
  if (cents === 0 && sats === 0) return;
  company.cashCents += cents;
  company.btcSats += sats;
  company.totals[kind] += cents;
  company.ledger.push({ day, kind, cents, sats, ref });
}
