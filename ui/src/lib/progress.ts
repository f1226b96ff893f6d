// Counting answers per theme for the sidebar. Pure functions, unit-tested.
import { STATUS_LABELS, type Status, type ThemeView } from "./bindings";

export type StatusKey = Status | "unanswered";

export interface ThemeProgress {
  total: number;
  /** Criteria with a status given or confirmed in this round. */
  assessed: number;
  /** Answers carried over from an earlier round, not yet confirmed or changed. */
  carried: number;
  counts: Record<StatusKey, number>;
}

/** Dutch labels, in the order the app shows statuses: generated from the core's `Status::label`. */
export { STATUS_LABELS };

/** The statuses to choose from, "Niet beoordeeld" first (the filter and the detail pane). */
export const STATUS_OPTIONS: { key: StatusKey; label: string }[] = [
  { key: "unanswered", label: STATUS_LABELS.unanswered },
  { key: "implemented", label: STATUS_LABELS.implemented },
  { key: "partial", label: STATUS_LABELS.partial },
  { key: "open", label: STATUS_LABELS.open },
  { key: "not_applicable", label: STATUS_LABELS.not_applicable },
];

/**
 * How far a theme is: a criterion counts as assessed only when it has a status given or
 * confirmed in this round; an answer carried over and not yet confirmed counts as carried.
 */
export function themeProgress(theme: ThemeView): ThemeProgress {
  const counts: Record<StatusKey, number> = {
    implemented: 0,
    partial: 0,
    open: 0,
    not_applicable: 0,
    unanswered: 0,
  };
  let assessed = 0;
  let carried = 0;
  for (const criterion of theme.criteria) {
    const status = criterion.answer?.status ?? null;
    counts[status ?? "unanswered"] += 1;
    if (criterion.carried_from !== null) carried += 1;
    else if (status !== null) assessed += 1;
  }
  return { total: theme.criteria.length, assessed, carried, counts };
}

/** `count` as a whole percentage of the criteria in scope (all minus n.v.t.), like the core. */
export function percentOfScope(
  counts: { criteria: number; not_applicable: number },
  count: number,
): string {
  const scope = counts.criteria - counts.not_applicable;
  if (scope <= 0) return "–";
  return `${Math.round((count * 100) / scope)}%`;
}
