// The keyboard model and list logic of the Beoordelen screen. Pure functions, unit-tested.
import type { AnswerInput, CriterionView, HistoryEntry, Status, ThemeView } from "./bindings";
import { STATUS_LABELS, type StatusKey } from "./progress";

/** What a key press on the criteria list asks for. */
export type ListAction =
  | { kind: "status"; status: Status | null }
  | { kind: "move"; by: number }
  | { kind: "open" }
  | { kind: "confirm" }
  | { kind: "undo" };

/** The keys of the Beoordelen list: 1–4 set a status, 0 clears, arrows/j/k move, Enter opens. */
export function actionForKey(event: {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}): ListAction | null {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") return { kind: "undo" };
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case "1":
      return { kind: "status", status: "implemented" };
    case "2":
      return { kind: "status", status: "partial" };
    case "3":
      return { kind: "status", status: "open" };
    case "4":
      return { kind: "status", status: "not_applicable" };
    case "0":
      return { kind: "status", status: null };
    case "ArrowDown":
    case "j":
      return { kind: "move", by: 1 };
    case "ArrowUp":
    case "k":
      return { kind: "move", by: -1 };
    case "PageDown":
      return { kind: "move", by: 10 };
    case "PageUp":
      return { kind: "move", by: -10 };
    case "Enter":
      return { kind: "open" };
    case "b":
      return { kind: "confirm" };
    default:
      return null;
  }
}

/** The editable content of an answer; an unanswered criterion is all empty. */
export function toInput(answer: AnswerInput | null): AnswerInput {
  return {
    status: answer?.status ?? null,
    justification: answer?.justification ?? "",
    owner: answer?.owner ?? "",
    action: answer?.action ?? "",
    deadline: answer?.deadline ?? null,
    evidence: answer?.evidence ?? "",
  };
}

/** The stored form of an input: all empty means no answer at all. */
export function toAnswer(input: AnswerInput): AnswerInput | null {
  const empty =
    input.status === null &&
    input.justification === "" &&
    input.owner === "" &&
    input.action === "" &&
    input.deadline === null &&
    input.evidence === "";
  return empty ? null : { ...input };
}

/** Niet van toepassing is saved only with a justification (the core refuses it otherwise). */
export function needsJustification(input: AnswerInput): boolean {
  return input.status === "not_applicable" && input.justification.trim() === "";
}

/**
 * What the status filter can ask for: one status, or the answers carried over from an earlier
 * round that are not yet confirmed (the follow-up of a new round).
 */
export type StatusFilter = StatusKey | "carried";

/** The status filter's extra choice, next to the statuses. */
export const CARRIED_FILTER_LABEL = "Overgenomen, nog te bevestigen";

export interface Filter {
  themeId: number | null;
  status: StatusFilter | null;
  text: string;
}

function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** The text a criterion is found by, normalised once (case and accents folded). */
export function searchText(c: CriterionView): string {
  return normalise(
    [c.code, c.text, c.explanation, c.legal_basis, c.answer?.justification ?? ""].join(" "),
  );
}

/**
 * What the filter looks at of one criterion, as plain data. A screen builds these once per change
 * of the assessment, so a keystroke reads no reactive state: going through Svelte's proxies of
 * 1,000 criteria cost more per keystroke than the search itself.
 */
export interface SearchEntry {
  id: number;
  themeId: number;
  status: StatusKey;
  /** Carried over from an earlier round and not yet confirmed. */
  carried: boolean;
  /** `searchText` of the criterion. */
  text: string;
}

/** The search entries of all criteria, in catalog order. */
export function searchEntries(themes: ThemeView[]): SearchEntry[] {
  return themes.flatMap((t) =>
    t.criteria.map((c) => ({
      id: c.id,
      themeId: t.id,
      status: c.answer?.status ?? "unanswered",
      carried: c.carried_from !== null,
      text: searchText(c),
    })),
  );
}

/** The ids of the entries that pass the filter. */
export function matchingEntries(entries: SearchEntry[], filter: Filter): Set<number> {
  const words = normalise(filter.text).split(/\s+/).filter(Boolean);
  const ids = new Set<number>();
  for (const e of entries) {
    if (filter.themeId !== null && e.themeId !== filter.themeId) continue;
    if (filter.status === "carried") {
      if (!e.carried) continue;
    } else if (filter.status !== null && e.status !== filter.status) continue;
    if (words.length > 0 && !words.every((w) => e.text.includes(w))) continue;
    ids.add(e.id);
  }
  return ids;
}

/** The ids of the criteria that pass the filter. */
export function matchingIds(themes: ThemeView[], filter: Filter): Set<number> {
  return matchingEntries(searchEntries(themes), filter);
}

/** Whether two sets of ids hold the same ids. */
export function sameIds(a: Set<number>, b: Set<number>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

/** Themes with only the criteria that pass the filter; themes left empty are dropped. */
export function applyFilter(themes: ThemeView[], filter: Filter): ThemeView[] {
  const ids = matchingIds(themes, filter);
  return themes
    .map((t) => ({ ...t, criteria: t.criteria.filter((c) => ids.has(c.id)) }))
    .filter((t) => t.criteria.length > 0);
}

/** One saved change that Ctrl+Z can take back. */
export interface UndoEntry {
  criterionId: number;
  code: string;
  before: AnswerInput;
}

/** The last changes, newest last, at most `limit`. */
export class UndoStack {
  private entries: UndoEntry[] = [];
  constructor(private readonly limit = 100) {}

  push(entry: UndoEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.shift();
  }

  pop(): UndoEntry | undefined {
    return this.entries.pop();
  }

  get size(): number {
    return this.entries.length;
  }
}

const FIELD_LABELS: [keyof AnswerInput, string][] = [
  ["justification", "onderbouwing"],
  ["owner", "eigenaar"],
  ["action", "actie"],
  ["deadline", "deadline"],
  ["evidence", "bewijs"],
];

/** One line of the history in words, e.g. "Vraagt aandacht → Geïmplementeerd; eigenaar gewijzigd". */
export function describeChange(entry: HistoryEntry): string {
  const before = toInput(entry.old);
  const after = toInput(entry.new);
  const parts: string[] = [];
  if (before.status !== after.status) {
    parts.push(
      `${STATUS_LABELS[before.status ?? "unanswered"]} → ${STATUS_LABELS[after.status ?? "unanswered"]}`,
    );
  }
  const fields = FIELD_LABELS.filter(([key]) => before[key] !== after[key]).map(([, label]) => label);
  if (fields.length > 0) parts.push(`${fields.join(", ")} gewijzigd`);
  if (parts.length === 0) return "Overgenomen antwoord bevestigd";
  return parts.join("; ");
}
