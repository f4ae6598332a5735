// The one way components get text: `const { t, locale } = useT()`, over the i18next instance the root
// route creates from the messages the loaders resolved for this request (same language on server and
// client): the root's shared namespaces plus the `messages` of the page's own loader.
import { useMemo, type ReactNode } from "react";
import { useMatches } from "@remix-run/react";
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

function messagesOf(data: unknown): Record<string, string> | null {
  if (!data || typeof data !== "object" || !("messages" in data)) return null;
  const { messages } = data as { messages: unknown };
  return messages && typeof messages === "object" ? (messages as Record<string, string>) : null;
}

/**
 * Every matched route's `messages` (root first, the page last), merged. Stable while the same routes match:
 * a route's messages depend on the language only, which is fixed for the document's life.
 */
export function useRouteMessages(): Record<string, string> {
  const sources = useMatches().flatMap((match) => {
    const messages = messagesOf(match.data);
    return messages ? [{ id: match.id, messages }] : [];
  });
  const key = sources.map((source) => source.id).join("|");
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the routes that sent messages (see above)
  return useMemo(() => Object.assign({}, ...sources.map((source) => source.messages)) as Record<string, string>, [key]);
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
