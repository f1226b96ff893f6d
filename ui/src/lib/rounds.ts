// Small pure helpers of the Rondes, Vergelijken and Verbeterplan screens, unit-tested. Dates are
// in dates.ts.
import type { BackupReason, Direction, PlanItem, RoundEventKind } from "./bindings";

/** Why a backup was taken, in Dutch. */
export const BACKUP_REASONS: Record<BackupReason, string> = {
  import: "vóór een import",
  upgrade: "vóór de overstap naar een nieuwe versie van de criteriaset",
  migration: "vóór het bijwerken van het gegevensbestand",
  daily: "dagelijkse reservekopie",
};

/** Dutch words for what happened to a round. */
export const EVENT_LABELS: Record<RoundEventKind, string> = {
  created: "aangemaakt",
  sealed: "vastgesteld",
  unsealed: "heropend",
  catalog_upgraded: "overgezet naar een nieuwe versie van de criteriaset",
  imported: "werkmap ingelezen",
  edited: "naam of peildatum gewijzigd",
};

/** Dutch words for the direction of a status change. */
export const DIRECTION_LABELS: Record<Direction, string> = {
  better: "beter",
  worse: "slechter",
  other: "anders",
};

/** A hex fingerprint in groups of 8, easier to read aloud and compare on paper. */
export function groupFingerprint(hex: string): string {
  return hex.match(/.{1,8}/g)?.join(" ") ?? hex;
}

/** "1 antwoord" / "3 antwoorden". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A name for the next round: one more than the highest year-like name, else "Nieuwe ronde". */
export function nextRoundName(existing: string[]): string {
  const years = existing.map((n) => /^(\d{4})\b/.exec(n.trim())?.[1]).filter(Boolean).map(Number);
  if (years.length === 0) return String(new Date().getFullYear());
  let next = Math.max(...years) + 1;
  while (existing.includes(String(next))) next += 1;
  return String(next);
}

/**
 * The two rounds Vergelijken proposes: the open round with the one before it (or, for the
 * first round, the one after it), the earlier always as "from". `rounds` come most recent
 * first, by peildatum or else by when they were made (the store's order).
 */
export function proposedComparison(
  rounds: { id: number }[],
  open: number,
): { from: number; to: number } | null {
  const chronological = [...rounds].reverse();
  const at = chronological.findIndex((r) => r.id === open);
  if (chronological.length < 2) return null;
  if (at < 0) {
    const [earlier, later] = chronological.slice(-2);
    return earlier && later ? { from: earlier.id, to: later.id } : null;
  }
  const [earlier, later] = at > 0 ? [chronological[at - 1], chronological[at]] : [chronological[0], chronological[1]];
  return earlier && later ? { from: earlier.id, to: later.id } : null;
}

export type PlanSort = "deadline" | "owner" | "code";

function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, "nl", { numeric: true });
}

/** The plan sorted by deadline (empty last), by owner (empty last) or by code. */
export function sortPlan(items: PlanItem[], by: PlanSort): PlanItem[] {
  const copy = [...items];
  copy.sort((a, b) => {
    if (by === "deadline") {
      if (a.deadline !== b.deadline) {
        if (!a.deadline) return 1;
        if (!b.deadline) return -1;
        return a.deadline < b.deadline ? -1 : 1;
      }
    } else if (by === "owner") {
      if (a.owner !== b.owner) {
        if (!a.owner) return 1;
        if (!b.owner) return -1;
        return a.owner.localeCompare(b.owner, "nl");
      }
    }
    return compareCodes(a.code, b.code);
  });
  return copy;
}
