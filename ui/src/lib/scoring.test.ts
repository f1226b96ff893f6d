import { describe, expect, it } from "vitest";
import type { AnswerInput, CriterionView, Status, ThemeView } from "./bindings";
import {
  actionForKey,
  applyFilter,
  describeChange,
  matchingEntries,
  searchEntries,
  searchText,
  sameIds,
  needsJustification,
  toAnswer,
  toInput,
  UndoStack,
} from "./scoring";

describe("actionForKey", () => {
  it("maps the number keys to the four statuses and 0 to clear", () => {
    expect(actionForKey({ key: "1" })).toEqual({ kind: "status", status: "implemented" });
    expect(actionForKey({ key: "2" })).toEqual({ kind: "status", status: "partial" });
    expect(actionForKey({ key: "3" })).toEqual({ kind: "status", status: "open" });
    expect(actionForKey({ key: "4" })).toEqual({ kind: "status", status: "not_applicable" });
    expect(actionForKey({ key: "0" })).toEqual({ kind: "status", status: null });
  });

  it("moves with arrows and j/k, undoes with Ctrl+Z, ignores other shortcuts", () => {
    expect(actionForKey({ key: "j" })).toEqual({ kind: "move", by: 1 });
    expect(actionForKey({ key: "ArrowUp" })).toEqual({ kind: "move", by: -1 });
    expect(actionForKey({ key: "z", ctrlKey: true })).toEqual({ kind: "undo" });
    expect(actionForKey({ key: "1", ctrlKey: true })).toBeNull();
    expect(actionForKey({ key: "x" })).toBeNull();
  });
});

function criterion(code: string, text: string, status: CriterionView["answer"]): CriterionView {
  return { id: Number(code.replace(".", "")), code, text, explanation: "", legal_basis: "", answer: status, carried_from: null };
}

const themes: ThemeView[] = [
  {
    id: 1,
    name: "Governance",
    criteria: [
      criterion("1.1", "De FG is aangewezen", null),
      criterion("1.2", "Het privacybeleid is vastgesteld", {
        status: "partial",
        justification: "",
        owner: "",
        action: "",
        deadline: null,
        evidence: "",
      }),
    ],
  },
  { id: 2, name: "Beveiliging", criteria: [criterion("9.1", "Gegevens worden versleuteld", null)] },
];

describe("applyFilter", () => {
  it("finds text without regard to case or accents and drops empty themes", () => {
    const result = applyFilter(themes, { themeId: null, status: null, text: "PRIVACYBELEÏD" });
    expect(result.map((t) => t.criteria.map((c) => c.code))).toEqual([["1.2"]]);
  });

  it("filters on niet beoordeeld and on theme", () => {
    const open = applyFilter(themes, { themeId: null, status: "unanswered", text: "" });
    expect(open.flatMap((t) => t.criteria.map((c) => c.code))).toEqual(["1.1", "9.1"]);
    const security = applyFilter(themes, { themeId: 2, status: null, text: "" });
    expect(security.map((t) => t.name)).toEqual(["Beveiliging"]);
  });
});

describe("answers", () => {
  it("treats an all-empty input as no answer and asks a justification for n.v.t.", () => {
    expect(toAnswer(toInput(null))).toBeNull();
    const na = { ...toInput(null), status: "not_applicable" as const };
    expect(needsJustification(na)).toBe(true);
    expect(needsJustification({ ...na, justification: "Geen eigen verwerkingen" })).toBe(false);
  });

  it("undoes the most recent change first and forgets beyond the limit", () => {
    const stack = new UndoStack(2);
    stack.push({ criterionId: 1, code: "1.1", before: toInput(null) });
    stack.push({ criterionId: 2, code: "1.2", before: toInput(null) });
    stack.push({ criterionId: 3, code: "1.3", before: toInput(null) });
    expect(stack.size).toBe(2);
    expect(stack.pop()?.code).toBe("1.3");
    expect(stack.pop()?.code).toBe("1.2");
    expect(stack.pop()).toBeUndefined();
  });
});

describe("describeChange", () => {
  const answer = (status: Status | null, owner = ""): AnswerInput => ({
    status,
    justification: "",
    owner,
    action: "",
    deadline: null,
    evidence: "",
  });

  it("names the status change and the fields that changed", () => {
    expect(
      describeChange({
        changed_at: "2026-11-28T10:00:00Z",
        changed_by: "fg",
        old: answer("open"),
        new: answer("implemented", "CISO"),
      }),
    ).toBe("Vraagt aandacht → Geïmplementeerd; eigenaar gewijzigd");
  });

  it("calls an unchanged save a confirmation", () => {
    const same = answer("partial", "FG");
    expect(
      describeChange({ changed_at: "", changed_by: "fg", old: same, new: { ...same } }),
    ).toBe("Overgenomen antwoord bevestigd");
  });

  it("reads a first answer as coming from niet beoordeeld", () => {
    expect(
      describeChange({ changed_at: "", changed_by: "fg", old: null, new: answer("open") }),
    ).toBe("Niet beoordeeld → Vraagt aandacht");
  });
});

describe("matchingEntries", () => {
  const entries = [
    { id: 11, themeId: 1, status: "implemented" as const, carried: true, text: "1.1 register verwerkingen" },
    { id: 12, themeId: 1, status: "unanswered" as const, carried: false, text: "1.2 datalek register" },
    { id: 21, themeId: 2, status: "unanswered" as const, carried: false, text: "2.1 register beveiliging" },
  ];

  it("finds the answers carried over and not yet confirmed, whatever their status", () => {
    expect([...matchingEntries(entries, { themeId: null, status: "carried", text: "" })]).toEqual([11]);
    expect([...matchingEntries(entries, { themeId: 2, status: "carried", text: "" })]).toEqual([]);
  });

  it("needs every word, in any order, without regard to case or accents", () => {
    const ids = matchingEntries(entries, { themeId: null, status: null, text: "REGISTER  dätalek" });
    expect([...ids]).toEqual([12]);
  });

  it("combines text with theme and status, and an empty filter keeps everything", () => {
    expect([...matchingEntries(entries, { themeId: 1, status: "unanswered", text: "register" })]).toEqual([12]);
    expect([...matchingEntries(entries, { themeId: null, status: null, text: " " })]).toEqual([11, 12, 21]);
  });

  it("is built from the themes with the status and search text of each criterion", () => {
    const built = searchEntries(themes);
    expect(built.map((e) => e.id)).toEqual(themes.flatMap((t) => t.criteria.map((c) => c.id)));
    const first = themes[0]?.criteria[0];
    expect(first && built[0]?.text).toBe(first && searchText(first));
    expect(built.map((e) => e.status)).toEqual(
      themes.flatMap((t) => t.criteria.map((c) => c.answer?.status ?? "unanswered")),
    );
  });
});

describe("sameIds", () => {
  it("compares the ids, not the order or the object", () => {
    expect(sameIds(new Set([1, 2]), new Set([2, 1]))).toBe(true);
    expect(sameIds(new Set([1, 2]), new Set([1, 3]))).toBe(false);
    expect(sameIds(new Set([1]), new Set([1, 2]))).toBe(false);
  });
});
