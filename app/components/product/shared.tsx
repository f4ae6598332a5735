// Pieces the product page's cards share: the type of what the page loaded, a fetcher's toast, error fields
// and "this will email N customers" banner, dates shown safely, and "Reload" after a conflict.
import { useEffect, useState } from "react";
import type { SerializeFrom } from "@remix-run/node";
import { useRevalidator, type useFetcher } from "@remix-run/react";
import { Banner } from "@shopify/polaris";
import { useAppBridge } from "@shopify/app-bridge-react";
import type { action, loader } from "~/routes/app.products.$id";
import { formatDate } from "~/domain/format";
import { useDateChangeConfirm } from "~/components/DateChangeConfirm";

export type Editor = SerializeFrom<typeof loader>["editor"];
export type Fetcher = ReturnType<typeof useFetcher<typeof action>>;
export type T = (key: string, params?: Record<string, string | number>) => string;
export type ReloadProps = { onReload: () => void; reloading: boolean };
/** What every card gets: the variant's editor data and the admin's words and language. */
export type CardProps = { editor: Editor; t: T; locale: string };

/** After a successful save: the toast (an error toast when Shopify could not be updated), then `onSuccess`. */
export function useResultToast(fetcher: Fetcher, onSuccess?: () => void) {
  const shopify = useAppBridge();
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data?.ok) return;
    shopify.toast.show(fetcher.data.message ?? "", { isError: fetcher.data.syncFailed });
    onSuccess?.();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);
}

/** "This will email N customers" for one fetcher's form: the banner's props. */
export function useConfirmFor(fetcher: Fetcher, t: T, locale: string) {
  const ask = useDateChangeConfirm({
    submitting: fetcher.formData,
    idle: fetcher.state === "idle",
    result: fetcher.data,
    resubmit: (form) => fetcher.submit(form, { method: "post" }),
  });
  return { counts: ask.counts, t, locale, onConfirm: ask.confirm, onCancel: ask.cancel, loading: ask.loading };
}

export function errorsOf(fetcher: Fetcher): Record<string, string> {
  return fetcher.data && !fetcher.data.ok ? fetcher.data.errors : {};
}

/** A stored date as text; one that is not a real date (bad data) is shown as stored rather than crash. */
export function dateText(iso: string, locale: string): string {
  try {
    return formatDate(iso, locale);
  } catch {
    return iso;
  }
}

/**
 * "Reload" after a conflict: fetch the page's data again, then remount the forms so they show what the
 * other person saved (a form keeps what the merchant typed until then).
 */
export function useReload() {
  const revalidator = useRevalidator();
  const [pending, setPending] = useState(false);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (pending && revalidator.state === "idle") {
      setPending(false);
      setGeneration((g) => g + 1);
    }
  }, [pending, revalidator.state]);
  return {
    generation,
    reloading: pending,
    reload: () => {
      setPending(true);
      revalidator.revalidate();
    },
  };
}

export function ConflictBanner({ message, t, onReload, reloading }: { message: string | undefined; t: T } & ReloadProps) {
  if (!message) return null;
  return (
    <Banner tone="critical" action={{ content: t("product.reload"), onAction: onReload, loading: reloading }}>
      {message}
    </Banner>
  );
}
