// The settings schema: what the form may save, and which field each problem is reported on.
import { describe, expect, it } from "vitest";
import { DEFAULT_COMPENSATION_POLICY } from "~/domain/compensation";
import { DEFAULT_FEEDBACK_SETTINGS } from "~/domain/feedback";
import { parseSettings, parseSettingsForm, parseSettingsVersion, type SettingsValues } from "./settings";

function validSettings(): SettingsValues {
  return {
    safetyMarginDays: 2,
    defaultLeadTimeDays: 21,
    cutoffTime: "14:00",
    timezone: "Europe/Paris",
    holidayCountry: "FR",
    holidayRegion: null,
    workingDays: [1, 2, 3, 4, 5],
    closureDays: [],
    deliveryModes: {
      standard: { enabled: true, processingDays: 1, transitMinDays: 2, transitMaxDays: 5 },
      express: { enabled: false, processingDays: 1, transitMinDays: 1, transitMaxDays: 2 },
      pickup: { enabled: false, processingDays: 1, transitMinDays: 0, transitMaxDays: 0 },
    },
    terms: {
      en: { payment: "Charged at checkout.", shipping: "Free.", cancellation: "Any time before shipping." },
      fr: { payment: "Débité à la commande.", shipping: "Gratuit.", cancellation: "À tout moment avant l’envoi." },
    },
    delayMinSlipDays: 1,
    earlierDateEmails: false,
    fulfillmentMode: "ship_available",
    compensation: { ...DEFAULT_COMPENSATION_POLICY },
    cancelRequests: "approval",
    feedback: structuredClone(DEFAULT_FEEDBACK_SETTINGS),
  };
}

function with_(patch: (s: SettingsValues) => void): SettingsValues {
  const settings = validSettings();
  patch(settings);
  return settings;
}

function formOf(settings: SettingsValues): FormData {
  const form = new FormData();
  form.set("safetyMarginDays", String(settings.safetyMarginDays));
  form.set("defaultLeadTimeDays", String(settings.defaultLeadTimeDays));
  form.set("cutoffTime", settings.cutoffTime);
  form.set("timezone", settings.timezone);
  form.set("holidayCountry", settings.holidayCountry);
  form.set("holidayRegion", settings.holidayRegion ?? "");
  for (const day of settings.workingDays) form.append("workingDays", String(day));
  for (const day of settings.closureDays) form.append("closureDays", day);
  for (const [mode, s] of Object.entries(settings.deliveryModes)) {
    if (s.enabled) form.set(`deliveryModes.${mode}.enabled`, "true");
    form.set(`deliveryModes.${mode}.processingDays`, String(s.processingDays));
    form.set(`deliveryModes.${mode}.transitMinDays`, String(s.transitMinDays));
    form.set(`deliveryModes.${mode}.transitMaxDays`, String(s.transitMaxDays));
  }
  for (const [locale, terms] of Object.entries(settings.terms)) {
    for (const [field, value] of Object.entries(terms)) form.set(`terms.${locale}.${field}`, value);
  }
  form.set("delayMinSlipDays", String(settings.delayMinSlipDays));
  if (settings.earlierDateEmails) form.set("earlierDateEmails", "true");
  form.set("fulfillmentMode", settings.fulfillmentMode);
  form.set("cancelRequests", settings.cancelRequests);
  return form;
}

describe("parseSettings", () => {
  it("accepts valid settings unchanged", () => {
    // GIVEN valid settings
    const settings = validSettings();

    // WHEN they are parsed
    const result = parseSettings(settings);

    // THEN they come back as they were
    expect(result).toEqual({ success: true, data: settings });
  });

  it("accepts 0 and 365 days but not 366 or -1", () => {
    // GIVEN the bounds of a number of days
    const ok = [0, 365].map((n) => parseSettings(with_((s) => (s.safetyMarginDays = n))).success);
    const ko = [366, -1].map((n) => parseSettings(with_((s) => (s.safetyMarginDays = n))));

    // THEN only 0–365 pass, and the error names the field
    expect(ok).toEqual([true, true]);
    for (const result of ko) {
      expect(result).toEqual({ success: false, errors: { safetyMarginDays: "settings.error.wholeDays" } });
    }
  });

  it("refuses a fractional number of days", () => {
    // GIVEN a lead time of 2.5 days
    const result = parseSettings(with_((s) => (s.defaultLeadTimeDays = 2.5)));

    // THEN it is refused on that field
    expect(result).toEqual({ success: false, errors: { defaultLeadTimeDays: "settings.error.wholeDays" } });
  });

  it("reports a transit minimum above the maximum on the maximum of that mode", () => {
    // GIVEN express transit 4–2 days
    const result = parseSettings(
      with_((s) => {
        s.deliveryModes.express.transitMinDays = 4;
        s.deliveryModes.express.transitMaxDays = 2;
      }),
    );

    // THEN the express maximum is in error
    expect(result).toEqual({
      success: false,
      errors: { "deliveryModes.express.transitMaxDays": "settings.error.transitOrder" },
    });
  });

  it.each(["24:00", "9:00", "14h00", "14:60", ""])("refuses the cut-off %j", (cutoff) => {
    // GIVEN a cut-off that is not HH:mm
    const result = parseSettings(with_((s) => (s.cutoffTime = cutoff)));

    // THEN the cut-off field is in error
    expect(result.success).toBe(false);
    expect(!result.success && result.errors.cutoffTime).toBeTruthy();
  });

  it("refuses an unknown timezone", () => {
    // GIVEN a zone no runtime knows
    const result = parseSettings(with_((s) => (s.timezone = "Mars/Olympus_Mons")));

    // THEN the timezone is in error
    expect(result).toEqual({ success: false, errors: { timezone: "settings.error.timezone" } });
  });

  it("accepts UTC as a timezone", () => {
    // GIVEN a shop on UTC (Node 20 leaves it out of Intl.supportedValuesOf)
    const result = parseSettings(with_((s) => (s.timezone = "UTC")));

    // THEN it is accepted
    expect(result.success).toBe(true);
  });

  it("refuses a country the holiday library does not know", () => {
    // GIVEN country "XX"
    const result = parseSettings(with_((s) => (s.holidayCountry = "XX")));

    // THEN the country is in error
    expect(result).toEqual({ success: false, errors: { holidayCountry: "settings.error.country" } });
  });

  it("accepts a region of the chosen country and refuses one of another country", () => {
    // GIVEN Moselle (FR-57), then California under France
    const moselle = parseSettings(with_((s) => (s.holidayRegion = "57")));
    const california = parseSettings(with_((s) => (s.holidayRegion = "CA")));

    // THEN Moselle passes and California is refused on the region field
    expect(moselle.success).toBe(true);
    expect(california).toEqual({ success: false, errors: { holidayRegion: "settings.error.region" } });
  });

  it("refuses settings with no working weekday", () => {
    // GIVEN no working day at all
    const result = parseSettings(with_((s) => (s.workingDays = [])));

    // THEN the working days are in error
    expect(result).toEqual({ success: false, errors: { workingDays: "settings.error.workingDays" } });
  });

  it("refuses settings with every delivery mode disabled", () => {
    // GIVEN all modes switched off
    const result = parseSettings(with_((s) => (s.deliveryModes.standard.enabled = false)));

    // THEN the delivery modes as a whole are in error
    expect(result).toEqual({ success: false, errors: { deliveryModes: "settings.error.deliveryModes" } });
  });

  it("refuses terms longer than 2,000 characters and accepts exactly 2,000", () => {
    // GIVEN French cancellation terms of 2,001 then 2,000 characters
    const tooLong = parseSettings(with_((s) => (s.terms.fr.cancellation = "a".repeat(2_001))));
    const atLimit = parseSettings(with_((s) => (s.terms.fr.cancellation = "a".repeat(2_000))));

    // THEN only the longer one is refused, on its own field
    expect(tooLong).toEqual({ success: false, errors: { "terms.fr.cancellation": "settings.error.termsTooLong" } });
    expect(atLimit.success).toBe(true);
  });

  it("refuses a closure day that is not a real date, reporting it on the list", () => {
    // GIVEN 31 February among valid closure days
    const result = parseSettings(with_((s) => (s.closureDays = ["2026-12-24", "2027-02-31"])));

    // THEN the closure days are in error
    expect(result).toEqual({ success: false, errors: { closureDays: "settings.error.closureDay" } });
  });

  it("sorts and de-duplicates closure days and working days", () => {
    // GIVEN unordered lists with repeats
    const result = parseSettings(
      with_((s) => {
        s.closureDays = ["2026-12-31", "2026-12-24", "2026-12-31"];
        s.workingDays = [5, 1, 3, 1];
      }),
    );

    // THEN they are stored sorted, once each
    expect(result.success && result.data.closureDays).toEqual(["2026-12-24", "2026-12-31"]);
    expect(result.success && result.data.workingDays).toEqual([1, 3, 5]);
  });

  it("forces pickup transit to 0 days", () => {
    // GIVEN pickup posted with transit days
    const result = parseSettings(with_((s) => (s.deliveryModes.pickup = { enabled: true, processingDays: 2, transitMinDays: 3, transitMaxDays: 9 })));

    // THEN pickup has no transit
    expect(result.success && result.data.deliveryModes.pickup).toEqual({
      enabled: true,
      processingDays: 2,
      transitMinDays: 0,
      transitMaxDays: 0,
    });
  });

  it("reports every invalid field at once", () => {
    // GIVEN two unrelated mistakes
    const result = parseSettings(
      with_((s) => {
        s.cutoffTime = "25:00";
        s.deliveryModes.standard.processingDays = -3;
      }),
    );

    // THEN both fields are reported
    expect(result).toEqual({
      success: false,
      errors: { cutoffTime: "settings.error.cutoff", "deliveryModes.standard.processingDays": "settings.error.wholeDays" },
    });
  });
});

describe("parseSettingsForm", () => {
  it("reads nested field names and lists from form data", () => {
    // GIVEN valid settings posted as a form
    const settings = with_((s) => {
      s.closureDays = ["2026-12-24"];
      s.deliveryModes.express.enabled = true;
    });

    // WHEN the form is parsed
    const result = parseSettingsForm(formOf(settings));

    // THEN the nested settings come back
    expect(result).toEqual({ success: true, data: settings });
  });

  it("treats an unchecked mode (no field posted) as disabled", () => {
    // GIVEN a form where the express checkbox is absent
    const form = formOf(validSettings());
    form.delete("deliveryModes.express.enabled");

    // WHEN it is parsed
    const result = parseSettingsForm(form);

    // THEN express is disabled
    expect(result.success && result.data.deliveryModes.express.enabled).toBe(false);
  });

  it("reports a blank number as required, not as 0", () => {
    // GIVEN an empty safety margin
    const form = formOf(validSettings());
    form.set("safetyMarginDays", " ");

    // WHEN it is parsed
    const result = parseSettingsForm(form);

    // THEN the field is required
    expect(result).toEqual({ success: false, errors: { safetyMarginDays: "settings.error.required" } });
  });

  it("refuses text where a number of days is expected", () => {
    // GIVEN "three" processing days
    const form = formOf(validSettings());
    form.set("deliveryModes.standard.processingDays", "three");

    // WHEN it is parsed
    const result = parseSettingsForm(form);

    // THEN that field is in error
    expect(result).toEqual({
      success: false,
      errors: { "deliveryModes.standard.processingDays": "settings.error.wholeDays" },
    });
  });

  it("stores textarea line breaks as LF and trims the text", () => {
    // GIVEN terms posted with CRLF line breaks, as browsers send textareas
    const form = formOf(validSettings());
    form.set("terms.en.payment", "  Line one\r\nLine two \r\n");

    // WHEN it is parsed
    const result = parseSettingsForm(form);

    // THEN the text is normalized
    expect(result.success && result.data.terms.en.payment).toBe("Line one\nLine two");
  });

  it("reports missing terms fields as required", () => {
    // GIVEN a post without the French shipping terms
    const form = formOf(validSettings());
    form.delete("terms.fr.shipping");

    // WHEN it is parsed
    const result = parseSettingsForm(form);

    // THEN that field is required
    expect(result).toEqual({ success: false, errors: { "terms.fr.shipping": "settings.error.required" } });
  });
});

describe("strict numbers, date windows and the delay settings", () => {
  it.each(["1e2", "0x10", "1.0", "Infinity", "+2"])("refuses %j as a number of days, anywhere in the form", (value) => {
    // GIVEN a form whose safety margin, a processing time and a working day are written that way
    const form = formOf(validSettings());
    form.set("safetyMarginDays", value);
    form.set("deliveryModes.express.processingDays", value);
    form.set("delayMinSlipDays", value);
    form.append("workingDays", value);

    // WHEN it is parsed
    const result = parseSettingsForm(form);

    // THEN every one of those fields is in error
    expect(result).toEqual({
      success: false,
      errors: {
        safetyMarginDays: "settings.error.wholeDays",
        "deliveryModes.express.processingDays": "settings.error.wholeDays",
        delayMinSlipDays: "settings.error.delayMinSlipDays",
        workingDays: "settings.error.workingDays",
      },
    });
  });

  it("refuses closure days more than a year ago or more than three years ahead of the shop's today", () => {
    // GIVEN today is 30 Nov 2026 for the shop
    const today = "2026-11-30";

    // WHEN closure days in 9999 or in 2020 are saved, and one next month
    const far = parseSettings(with_((s) => (s.closureDays = ["2026-12-24", "9999-12-31"])), { today });
    const old = parseSettings(with_((s) => (s.closureDays = ["2020-01-01"])), { today });
    const fine = parseSettings(with_((s) => (s.closureDays = ["2026-12-24"])), { today });

    // THEN the far ones are refused on the list, the near one passes
    expect(far).toEqual({ success: false, errors: { closureDays: "settings.error.closureDayRange" } });
    expect(old).toEqual({ success: false, errors: { closureDays: "settings.error.closureDayRange" } });
    expect(fine.success).toBe(true);
  });

  it("reads the minimum slip, the earlier-date emails and the fulfillment mode", () => {
    // GIVEN a form that sets all three
    const form = formOf(with_((s) => Object.assign(s, { delayMinSlipDays: 3, earlierDateEmails: true, fulfillmentMode: "ship_together" })));

    // WHEN it is parsed
    const result = parseSettingsForm(form);

    // THEN they come back typed
    expect(result.success && result.data).toMatchObject({ delayMinSlipDays: 3, earlierDateEmails: true, fulfillmentMode: "ship_together" });
  });

  it("refuses an unknown fulfillment mode and a minimum slip of 0 days", () => {
    // GIVEN a made-up fulfillment mode and a 0-day minimum
    const form = formOf(validSettings());
    form.set("fulfillmentMode", "ship_never");
    form.set("delayMinSlipDays", "0");

    // WHEN it is parsed / THEN both fields are in error
    expect(parseSettingsForm(form)).toEqual({
      success: false,
      errors: { fulfillmentMode: "settings.error.fulfillmentMode", delayMinSlipDays: "settings.error.delayMinSlipDays" },
    });
  });

  it("reads the posted version strictly", () => {
    // GIVEN forms with a version, none, and a hex one
    const withVersion = formOf(validSettings());
    withVersion.set("version", "4");
    const hex = formOf(validSettings());
    hex.set("version", "0x4");

    // WHEN read / THEN 4, null (not sent) and undefined (invalid)
    expect(parseSettingsVersion(withVersion)).toBe(4);
    expect(parseSettingsVersion(formOf(validSettings()))).toBeNull();
    expect(parseSettingsVersion(hex)).toBeUndefined();
  });
});
