import { describe, expect, it } from "vitest";
import { regionNames } from "./regions";

describe("holiday region names in the admin's language", () => {
  it("names France's and Belgium's regions in English in the English admin", () => {
    // GIVEN countries whose regions date-holidays names only in French (or Dutch, German)
    // WHEN the English admin lists them
    const france = regionNames("FR", "en");
    const belgium = regionNames("BE", "en");
    // THEN every name is English, for every region the library knows
    expect(Object.values(france).filter((name) => /Département|région|outre-mer/.test(name))).toEqual([]);
    expect(france).toMatchObject({ "57": "Moselle", GF: "French Guiana", RE: "Réunion" });
    expect(belgium).toEqual({ BRU: "Brussels", DE: "German-speaking Community", VLG: "Flemish Community", WAL: "French Community" });
  });

  it("names Canada's provinces in French in the French admin", () => {
    // GIVEN Canada, whose provinces the library names only in English
    // WHEN the French admin lists them
    const canada = regionNames("CA", "fr");
    // THEN they are French
    expect(canada).toMatchObject({ QC: "Québec", BC: "Colombie-Britannique", NL: "Terre-Neuve-et-Labrador" });
  });

  it("keeps the library's own translations, and gives the French admin English rather than a third language", () => {
    // GIVEN Switzerland (named in French by the library) and Austria (named in German and English only)
    // WHEN the French admin lists them
    // THEN Swiss cantons are the library's French, Austrian states English, never German
    expect(regionNames("CH", "fr").ZH).toBe("Canton de Zurich");
    expect(regionNames("AT", "fr")["2"]).toBe("Carinthia");
    expect(regionNames("CH", "en").ZH).toBe("Canton of Zürich");
  });

  it("lists the same region codes in both languages", () => {
    // GIVEN every country with regions in the picker
    // WHEN listed in English and in French
    // THEN the codes (what is stored) are the same
    for (const country of ["FR", "BE", "CA", "CH", "DE", "US", "ES", "IT", "RU"]) {
      expect(Object.keys(regionNames(country, "fr")).sort()).toEqual(Object.keys(regionNames(country, "en")).sort());
    }
  });
});
