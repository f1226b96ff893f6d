// Small pure helpers of the Rondes, Vergelijken and Verbeterplan screens, unit-tested.
import type { BackupReason, Direction, PlanItem, RoundEventKind } from "./bindings";

/** Why a backup was taken, in Dutch. */
export const BACKUP_REASONS: Record<BackupReason, string> = {
  import: "vóór een import",
  upgrade: "vóór de overstap naar een nieuwe versie van de criteriaset",
  migration: "vóór het bijwerken van het gegevensbestand",
  daily: "dagelijkse reservekopie",
};

/** A moment (RFC 3339) in Dutch, e.g. "28 nov 2026, 10:00". */
export function formatMoment(rfc3339: string): string {
  const d = new Date(rfc3339);
  return Number.isNaN(d.getTime())
    ? rfc3339
    : d.toLocaleString("nl-NL", { dateStyle: "medium", timeStyle: "short" });
}

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

/** A stored date (YYYY-MM-DD) the Dutch way, 28-11-2026; anything else unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "–";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** "1 antwoord" / "3 antwoorden". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A name for the next round: one more than the highest year-like name, else "Nieuwe ronde". */
export function nextRoundName(existing: string[]): string {
  const years = existing.map((n) => /^(\d{4})\b/.exec(n.trim())?.[1]).filter(Boolean).map(Number);
  if (years.length === 0) return String(new Date().getFullYear());
  let next = Math.max(...years) + 1;
  while (existing.includes(String(next))) next += 1;
  return String(next);
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
