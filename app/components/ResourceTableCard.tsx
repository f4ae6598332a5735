// A card holding one read-only IndexTable: an optional padded header (heading and description), optional
// tabs that filter the rows, the table with its pagination, and what to show when there are no rows. The
// shape the Activity, Privacy requests, waitlist and outbox pages share.
import { cloneElement, type ReactElement, type ReactNode } from "react";
import { Box, Card, IndexTable, type IndexTableProps, type TabsProps } from "@shopify/polaris";

type TableProps = Pick<IndexTableProps, "resourceName" | "headings" | "itemCount" | "lastColumnSticky" | "pagination" | "emptyState">;

export interface ResourceTableCardProps extends TableProps {
  /** Above the table, padded: usually a CardHeader or a heading. */
  header?: ReactNode;
  /**
   * Views of the rows, as a Polaris <Tabs> element without children: the table shows in the selected tab's
   * panel. (An element rather than props, so pages without tabs do not load the Tabs component.)
   */
  tabs?: ReactElement<TabsProps>;
  /** Shown instead of the table when there are no rows (without it, the table's `emptyState` shows). */
  empty?: ReactNode;
  /** The rows: IndexTable.Row elements. */
  children: ReactNode;
}

export function ResourceTableCard({ header, tabs, empty, children, ...table }: ResourceTableCardProps) {
  const body =
    empty !== undefined && table.itemCount === 0 ? (
      empty
    ) : (
      <IndexTable {...table} selectable={false}>
        {children}
      </IndexTable>
    );
  return (
    <Card padding="0">
      {header ? <Box padding="400">{header}</Box> : null}
      {tabs ? cloneElement(tabs, { children: body }) : body}
    </Card>
  );
}
