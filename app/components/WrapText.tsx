// Text that wraps inside a Polaris IndexTable cell. Cells never wrap (white-space: nowrap), so one long email
// address, subject or error widens the whole table and pushes its last columns out of the window.
import type { ReactNode } from "react";

export function WrapText({ children, minWidth = "10rem" }: { children: ReactNode; minWidth?: string }) {
  return <div style={{ whiteSpace: "normal", overflowWrap: "anywhere", minWidth }}>{children}</div>;
}
