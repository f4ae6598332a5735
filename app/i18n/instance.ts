// The i18next set-up shared by the server (app/i18n/admin.ts) and the browser (app/i18n/react.tsx); it
// holds no messages itself, so the client bundle carries only what the root loader sends.
import { createInstance, type i18n as I18n } from "i18next";
import type { AdminLocale } from "./locale";

/** An i18next instance for one language, initialised synchronously (the messages are in memory). */
export function createAdminI18n(locale: AdminLocale, resources: Record<string, string>): I18n {
  const instance = createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: false,
    resources: { [locale]: { translation: resources } },
    initAsync: false,
    // Keys contain dots ("products.bulk.done"): they are flat names, not paths.
    keySeparator: false,
    nsSeparator: false,
    returnNull: false,
    interpolation: {
      prefix: "{",
      suffix: "}",
      // React escapes what it renders; emails escape in Liquid.
      escapeValue: false,
      // Help texts quote Liquid ("{{ earliest | date_range: latest }}"): a placeholder with no parameter
      // stays as written (i18next's skipOnVariables, the default).
      skipOnVariables: true,
    },
  });
  return instance;
}

