import { describe, expect, it } from "vitest";
import type { PlanItem } from "./bindings";
import { count, groupFingerprint, nextRoundName, proposedComparison, sortPlan } from "./rounds";

function item(code: string, owner: string, deadline: string | null): PlanItem {
  return {
    criterion: 1,
    code,
    theme: "Governance",
    text: `Norm ${code}`,
    status: "open",
    owner,
    action: "",
    deadline,
    overdue: false,
  };
}

describe("sortPlan", () => {
  const items = [
    item("1.10", "", "2027-03-01"),
    item("1.2", "CISO", null),
    item("1.9", "Archivaris", "2026-12-01"),
  ];

  it("sorts by deadline with items without one last", () => {
    expect(sortPlan(items, "deadline").map((i) => i.code)).toEqual(["1.9", "1.10", "1.2"]);
  });

  it("sorts by owner with unnamed owners last", () => {
    expect(sortPlan(items, "owner").map((i) => i.code)).toEqual(["1.9", "1.2", "1.10"]);
  });

  it("sorts codes as numbers, not as text", () => {
    expect(sortPlan(items, "code").map((i) => i.code)).toEqual(["1.2", "1.9", "1.10"]);
  });
});

describe("round helpers", () => {
  it("proposes the year after the latest round", () => {
    expect(nextRoundName(["2025", "2026 (2)", "2024"])).toBe("2027");
  });

  it("groups a fingerprint by eight characters without losing any", () => {
    const hex = "a".repeat(64);
    expect(groupFingerprint(hex).split(" ")).toHaveLength(8);
    expect(groupFingerprint(hex).replaceAll(" ", "")).toBe(hex);
  });
});

describe("proposedComparison", () => {
  // Most recent first, as the store lists them: 2027 (id 3), 2026 (2) (id 2), 2026 (id 1).
  const rounds = [{ id: 3 }, { id: 2 }, { id: 1 }];

  it("compares the open round with the one before it, earlier first", () => {
    expect(proposedComparison(rounds, 3)).toEqual({ from: 2, to: 3 });
    expect(proposedComparison(rounds, 2)).toEqual({ from: 1, to: 2 });
  });

  it("compares the first round with the one after it, still earlier first", () => {
    expect(proposedComparison(rounds, 1)).toEqual({ from: 1, to: 2 });
  });

  it("proposes nothing with a single round", () => {
    expect(proposedComparison([{ id: 1 }], 1)).toBeNull();
  });
});

describe("Dutch formatting", () => {
  it("uses the singular for one", () => {
    expect(count(1, "antwoord", "antwoorden")).toBe("1 antwoord");
    expect(count(3, "antwoord", "antwoorden")).toBe("3 antwoorden");
  });
});
