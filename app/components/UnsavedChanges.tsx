// Unsaved edits, the Shopify way: App Bridge's contextual save bar (<ui-save-bar>) while a form differs
// from what is saved, and a leave confirmation before any in-app navigation drops it.
import { useEffect, useRef } from "react";
import { useBlocker, useNavigate } from "@remix-run/react";
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";

/**
 * The save bar of one form. Its Save and Discard buttons are drawn by the Shopify admin (outside the
 * app's iframe, with the admin's own labels); clicking them runs `onSave` / `onDiscard`.
 */
export function UnsavedChanges({
  id,
  dirty,
  saving = false,
  onSave,
  onDiscard,
}: {
  id: string;
  dirty: boolean;
  saving?: boolean;
  onSave: () => void;
  onDiscard: () => void;
}) {
  return (
    <SaveBar id={id} open={dirty}>
      <button variant="primary" onClick={onSave} disabled={saving} {...(saving ? { loading: "" } : {})}></button>
      <button onClick={onDiscard} disabled={saving}></button>
    </SaveBar>
  );
}

function saveBarShowing(): boolean {
  if (typeof document === "undefined") return false;
  return Array.from(document.querySelectorAll("ui-save-bar")).some((bar) => (bar as HTMLElement & { showing?: boolean }).showing === true);
}

/**
 * Once per layout: a link, a back button or a `navigate()` inside the app while a save bar shows waits
 * for App Bridge's leave confirmation ("Leave page with unsaved changes?"); staying keeps the edits.
 * (Navigation from the admin's own menu is confirmed by the admin before it reaches the app.)
 */
export function LeaveConfirmation() {
  const shopify = useAppBridge();
  const navigate = useNavigate();
  // The navigation the merchant confirmed goes through once, whatever the save bar shows by then.
  const confirmed = useRef<string | null>(null);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    const target = nextLocation.pathname + nextLocation.search;
    if (confirmed.current === target) {
      confirmed.current = null;
      return false;
    }
    return (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search) && saveBarShowing();
  });
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    const target = blocker.location.pathname + blocker.location.search + blocker.location.hash;
    // Stay where we are until the merchant answers; "Stay" keeps the edits and the next click asks again.
    blocker.reset();
    void shopify.saveBar.leaveConfirmation().then(() => {
      confirmed.current = blocker.location.pathname + blocker.location.search;
      navigate(target);
    });
  }, [blocker, shopify, navigate]);
  return null;
}
