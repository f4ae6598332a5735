// The Settings form as the page posts it: flat field names, checkboxes present only when checked. Shared by
// the integration tests that save settings.
import { minorToDecimal } from "~/domain/compensation";
import type { SettingsValues } from "~/validation/settings";

export function settingsForm(settings: SettingsValues, extra: Record<string, string> = {}): FormData {
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
    if (mode !== "pickup") {
      form.set(`deliveryModes.${mode}.transitMinDays`, String(s.transitMinDays));
      form.set(`deliveryModes.${mode}.transitMaxDays`, String(s.transitMaxDays));
    }
  }
  for (const [locale, terms] of Object.entries(settings.terms)) {
    for (const [field, value] of Object.entries(terms)) form.set(`terms.${locale}.${field}`, value);
  }
  form.set("delayMinSlipDays", String(settings.delayMinSlipDays));
  if (settings.earlierDateEmails) form.set("earlierDateEmails", "true");
  form.set("fulfillmentMode", settings.fulfillmentMode);
  const c = settings.compensation;
  const decimal = (minor: number) => minorToDecimal(minor);
  form.set("compensation.defaultKind", c.defaultKind);
  form.set("compensation.defaultPercent", String(c.defaultPercent));
  form.set("compensation.defaultAmount", decimal(c.defaultAmountMinor));
  form.set("compensation.expiryDays", String(c.expiryDays));
  form.set("compensation.maxPercent", String(c.maxPercent));
  form.set("compensation.maxAmount", decimal(c.maxAmountMinor));
  form.set("compensation.maxStoreCredit", decimal(c.maxStoreCreditMinor));
  if (c.proposeEnabled) form.set("compensation.proposeEnabled", "true");
  form.set("compensation.proposeAfterDays", String(c.proposeAfterDays));
  form.set("cancelRequests", settings.cancelRequests);
  const f = settings.feedback;
  if (f.enabled) form.set("feedback.enabled", "true");
  form.set("feedback.delayDays", String(f.delayDays));
  for (const [locale, q] of Object.entries(f.questions)) {
    form.set(`feedback.questions.${locale}.wait`, q.wait);
    form.set(`feedback.questions.${locale}.date`, q.date);
  }
  for (const [key, value] of Object.entries(extra)) form.set(key, value);
  return form;
}
