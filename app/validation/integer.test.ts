import { describe, expect, it } from "vitest";
import { optionalStrictInt, parseStrictInt, strictInt } from "./integer";

const bounds = { min: 0, max: 365 };

describe("parseStrictInt", () => {
  it.each(["0", "7", " 42 ", "365", "007"])("reads %j as a whole number", (value) => {
    // GIVEN plain decimal digits within bounds / WHEN parsed / THEN the number comes back
    expect(parseStrictInt(value, bounds)).toBe(Number(value.trim()));
  });

  it.each(["1e2", "0x10", "0b11", "0o7", "1.0", "1.5", "+3", "Infinity", "NaN", "", " ", "1_000", "12abc", "١٢"])(
    "refuses %j, which Number() would read or half-read",
    (value) => {
      // GIVEN a string that is not plain decimal digits / WHEN parsed / THEN it is refused
      expect(parseStrictInt(value, bounds)).toBeNull();
    },
  );

  it("refuses numbers outside the bounds and unsafe integers", () => {
    // GIVEN values just outside the bounds, and one past 2^53
    // WHEN parsed / THEN each is refused
    expect(parseStrictInt("366", bounds)).toBeNull();
    expect(parseStrictInt("-1", bounds)).toBeNull();
    expect(parseStrictInt("9007199254740993", { min: 0, max: Number.MAX_VALUE })).toBeNull();
  });

  it("reads stored numbers only when they are whole", () => {
    // GIVEN numbers as they come from the database / WHEN parsed / THEN fractions and NaN are refused
    expect(parseStrictInt(12, bounds)).toBe(12);
    expect(parseStrictInt(2.5, bounds)).toBeNull();
    expect(parseStrictInt(Number.NaN, bounds)).toBeNull();
  });
});

describe("zod helpers", () => {
  it("strictInt names the blank field as required and the bad one as invalid", () => {
    // GIVEN a required field schema
    const schema = strictInt({ ...bounds, message: "bad", requiredMessage: "required" });
    // WHEN blank, scientific notation and a good value are parsed
    // THEN blank is required, 1e2 is invalid, 12 passes
    expect(schema.safeParse("").error?.issues[0]?.message).toBe("required");
    expect(schema.safeParse("1e2").error?.issues[0]?.message).toBe("bad");
    expect(schema.parse("12")).toBe(12);
  });

  it("optionalStrictInt turns blank into null and still refuses hex", () => {
    // GIVEN an optional field schema / WHEN parsed / THEN blank is null and 0x10 is refused
    const schema = optionalStrictInt({ ...bounds, message: "bad" });
    expect(schema.parse("  ")).toBeNull();
    expect(schema.safeParse("0x10").success).toBe(false);
  });
});
