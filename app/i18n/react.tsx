// The one way components get text: `const { t, locale } = useT()`, over the i18next instance the root
// route creates from the messages its loader resolved for this request (same language on server and client).
import { useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import type { AdminMessageKey, TranslateParams } from "./admin";
import { createAdminI18n } from "./instance";
import type { AdminLocale } from "./locale";

export function AdminI18nProvider({
  locale,
  messages,
  children,
}: {
  locale: AdminLocale;
  messages: Record<string, string>;
  children: ReactNode;
}) {
  const i18n = useMemo(() => createAdminI18n(locale, messages), [locale, messages]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}

/** Any string is accepted (keys built at run time, such as `products.mode.${mode}`); known keys autocomplete. */
export type ClientTranslate = (key: AdminMessageKey | (string & {}), params?: TranslateParams) => string;

export function useT(): { t: ClientTranslate; locale: AdminLocale } {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      t: (key: string, params?: TranslateParams) => String(t(key, params ?? {})),
      locale: (i18n.language === "fr" ? "fr" : "en") as AdminLocale,
    }),
    [t, i18n.language],
  );
}
