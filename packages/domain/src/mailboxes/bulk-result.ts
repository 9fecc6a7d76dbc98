import type { ApprovalDecision } from '../approval/explain-approval.ts';

/** One mailbox's outcome in a bulk command: never silently all-or-nothing. */
export interface BulkRowResult {
  mailboxId: string;
  name: string;
  outcome: 'done' | 'skipped';
  message: string;
  /** For approval outcomes: index into BulkResult.decisions, the rules checked for this row. */
  decisionIndex?: number;
}

export interface BulkResult {
  done: number;
  skipped: number;
  results: BulkRowResult[];
  /** Distinct approval explanations; rows point at them so 10,000 rows don't repeat the same one. */
  decisions: ApprovalDecision[];
}

export function createBulkResult() {
  const results: BulkRowResult[] = [];
  const decisions: ApprovalDecision[] = [];
  const decisionIndexes = new Map<string, number>();
  return {
    done(row: { id: string; name: string }, message: string, decision?: ApprovalDecision) {
      results.push({ mailboxId: row.id, name: row.name, outcome: 'done', message, ...indexOf(decision) });
    },
    skip(row: { id: string; name: string }, message: string, decision?: ApprovalDecision) {
      results.push({ mailboxId: row.id, name: row.name, outcome: 'skipped', message, ...indexOf(decision) });
    },
    result(): BulkResult {
      const done = results.filter((r) => r.outcome === 'done').length;
      return { done, skipped: results.length - done, results, decisions };
    },
  };

  function indexOf(decision: ApprovalDecision | undefined): { decisionIndex?: number } {
    if (!decision) return {};
    const key = JSON.stringify(decision);
    let index = decisionIndexes.get(key);
    if (index === undefined) {
      index = decisions.push(decision) - 1;
      decisionIndexes.set(key, index);
    }
    return { decisionIndex: index };
  }
}
