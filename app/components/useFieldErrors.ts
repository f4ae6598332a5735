// Errors from the last save, minus those of fields edited since: an error next to a field the merchant
// already changed is stale and goes away.
import { useEffect, useState } from "react";

export function useFieldErrors(errors: Record<string, string>, result: unknown) {
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setEdited(new Set()), [result]);
  return {
    errors: Object.fromEntries(Object.entries(errors).filter(([name]) => !edited.has(name))) as Record<string, string>,
    touch: (...names: string[]) => setEdited((current) => new Set([...current, ...names])),
  };
}
