import { describe, expect, it } from "vitest";
import type { CriterionView, Status, ThemeView } from "./bindings";
import { percentOfScope, themeProgress } from "./progress";

function criterion(code: string, status: Status | null | undefined): CriterionView {
  return {
    id: Number(code.replace(".", "")),
    code,
    text: `Criterium ${code}`,
    explanation: "",
    legal_basis: "AVG art. 5",
    answer:
      status === undefined
        ? null
        : { status, justification: "", owner: "", action: "", deadline: null, evidence: "" },
    carried_from: null,
  };
}

describe("themeProgress", () => {
  it("counts a criterion as assessed only when it has a status", () => {
    const theme: ThemeView = {
      id: 1,
      name: "Beveiliging",
      criteria: [
        criterion("9.1", "implemented"),
        criterion("9.2", "partial"),
        criterion("9.3", null), // notes only: still not assessed
        criterion("9.4", undefined),
        criterion("9.5", "not_applicable"),
      ],
    };
    const progress = themeProgress(theme);
    expect(progress.total).toBe(5);
    expect(progress.assessed).toBe(3);
    expect(progress.counts).toEqual({
      implemented: 1,
      partial: 1,
      open: 0,
      not_applicable: 1,
      unanswered: 2,
    });
  });
});

describe("themeProgress of a round carried over", () => {
  it("counts carried answers apart from those assessed in this round", () => {
    const carried = (c: CriterionView): CriterionView => ({ ...c, carried_from: "2026" });
    const theme: ThemeView = {
      id: 1,
      name: "Governance",
      criteria: [
        carried(criterion("1.1", "implemented")),
        carried(criterion("1.2", "open")),
        criterion("1.3", "partial"), // confirmed or changed this round
        criterion("1.4", undefined),
      ],
    };
    const progress = themeProgress(theme);
    expect(progress.assessed).toBe(1);
    expect(progress.carried).toBe(2);
    expect(progress.counts.implemented).toBe(1);
  });
});

describe("percentOfScope", () => {
  it("leaves niet van toepassing out of the base and shows a dash without scope", () => {
    expect(percentOfScope({ criteria: 5, not_applicable: 1 }, 2)).toBe("50%");
    expect(percentOfScope({ criteria: 3, not_applicable: 0 }, 1)).toBe("33%");
    expect(percentOfScope({ criteria: 2, not_applicable: 2 }, 0)).toBe("–");
  });
});
