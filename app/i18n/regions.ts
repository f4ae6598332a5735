// Names of holiday regions (states, provinces, departments) in the admin's language. date-holidays names a
// region in the languages its data has, and otherwise in one of its own (France's departments only in French,
// Belgium's communities in Dutch, German or French, Canada's provinces only in English). Where the library
// has no name in the admin's language, the names below fill in for the countries a French or English admin
// meets most; anywhere else a French admin gets the English name rather than a third language.
import Holidays from "date-holidays";
import type { AdminLocale } from "./locale";

const NAMES: Record<AdminLocale, Record<string, Record<string, string>>> = {
  en: {
    FR: {
      "57": "Moselle",
      "67": "Bas-Rhin",
      "68": "Haut-Rhin",
      YT: "Mayotte",
      MQ: "Martinique",
      GP: "Guadeloupe",
      GF: "French Guiana",
      RE: "Réunion",
      MF: "Saint Martin",
      BL: "Saint Barthélemy",
    },
    BE: { BRU: "Brussels", DE: "German-speaking Community", VLG: "Flemish Community", WAL: "French Community" },
  },
  fr: {
    BE: { BRU: "Bruxelles", DE: "Communauté germanophone", VLG: "Communauté flamande", WAL: "Communauté française" },
    CA: {
      AB: "Alberta",
      BC: "Colombie-Britannique",
      MB: "Manitoba",
      NB: "Nouveau-Brunswick",
      NL: "Terre-Neuve-et-Labrador",
      NS: "Nouvelle-Écosse",
      NT: "Territoires du Nord-Ouest",
      NU: "Nunavut",
      ON: "Ontario",
      PE: "Île-du-Prince-Édouard",
      QC: "Québec",
      SK: "Saskatchewan",
      YT: "Yukon",
    },
  },
};

/** A language no data set has: date-holidays then answers with the region's default name. */
const NO_LANGUAGE = "zz";

let library: Holidays | undefined;

/** Region code → name in `language`, for a country date-holidays knows (empty when it has no regions). */
export function regionNames(country: string, language: AdminLocale): Record<string, string> {
  library ??= new Holidays();
  const own = library.getStates(country, language) ?? {};
  const fallback = library.getStates(country, NO_LANGUAGE) ?? {};
  const english = language === "en" ? own : (library.getStates(country, "en") ?? {});
  const ours = NAMES[language][country] ?? {};
  return Object.fromEntries(
    Object.keys(own).map((code) => {
      // The library's name in this language, when it has one (it differs from the default name).
      if (own[code] !== fallback[code]) return [code, own[code]!];
      return [code, ours[code] ?? english[code] ?? own[code]!];
    }),
  );
}
