// The heading and one-line explanation at the top of an admin card.
import type { ReactNode } from "react";
import { BlockStack, Text } from "@shopify/polaris";

export function CardHeader({ title, description, children }: { title: string; description: string; children?: ReactNode }) {
  return (
    <BlockStack gap="200">
      <Text as="h2" variant="headingMd">
        {title}
      </Text>
      <Text as="p" tone="subdued">
        {description}
      </Text>
      {children}
    </BlockStack>
  );
}
