// A table cell's main content with small notes under it (an error, the next attempt, a count of tries):
// the Activity tables and the outbox show them the same way. Notes without text render nothing.
import { BlockStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

export interface CellNote {
  text: string | null | undefined | false;
  tone?: "subdued" | "critical";
}

export function CellStack({ children, notes, inlineAlign }: { children: ReactNode; notes: CellNote[]; inlineAlign?: "start" }) {
  return (
    <BlockStack gap="100" inlineAlign={inlineAlign}>
      {children}
      {notes.map((note, index) =>
        note.text ? (
          <Text key={index} as="span" tone={note.tone ?? "subdued"} variant="bodySm" breakWord>
            {note.text}
          </Text>
        ) : null,
      )}
    </BlockStack>
  );
}
