import { describe, expect, it } from "vitest";
import { ApiError, toApiError } from "./api";

describe("toApiError", () => {
  it("keeps the code and Dutch message the app sent", () => {
    const err = toApiError({ code: "busy", message: "De gegevens zijn in gebruik." });
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe("busy");
    expect(err.message).toBe("De gegevens zijn in gebruik.");
  });

  it("never shows raw error text for something unexpected", () => {
    const err = toApiError(new TypeError("undefined is not a function"));
    expect(err.code).toBe("unexpected");
    expect(err.message).not.toContain("undefined");
    expect(err.message).toMatch(/opnieuw/);
  });
});
