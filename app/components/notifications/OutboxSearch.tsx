// The outbox's search by recipient: an address, or its beginning, kept in the URL (`?to=`) with the tab, so
// a reload or a shared link shows the same emails; a new search starts at the first page.
import { useState, type FormEvent } from "react";
import { useSearchParams } from "@remix-run/react";
import { Button, InlineStack, TextField } from "@shopify/polaris";
import { useT } from "~/i18n/react";

export function OutboxSearch({ recipient }: { recipient: string | null }) {
  const { t } = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const [value, setValue] = useState(recipient ?? "");
  const search = (to: string) => {
    const next = new URLSearchParams(searchParams);
    if (to.trim()) next.set("to", to.trim());
    else next.delete("to");
    next.delete("cursor");
    setSearchParams(next, { preventScrollReset: true });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    search(value);
  };
  return (
    <form role="search" onSubmit={onSubmit}>
      <InlineStack gap="200" blockAlign="end" wrap={false}>
        <div style={{ flex: 1 }}>
          <TextField
            label={t("notifications.outbox.search.label")}
            type="search"
            name="to"
            value={value}
            onChange={setValue}
            placeholder={t("notifications.outbox.search.placeholder")}
            autoComplete="off"
            clearButton
            onClearButtonClick={() => {
              setValue("");
              search("");
            }}
          />
        </div>
        <Button submit>{t("notifications.outbox.search.submit")}</Button>
      </InlineStack>
    </form>
  );
}
