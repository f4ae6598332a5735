// "Apply to everything matching the filter?": the confirmation before a list's background bulk job starts
// (Products and the support queue), closed while no action is chosen.
import { Modal, Text } from "@shopify/polaris";

export function ConfirmAllMatchingModal<I extends string>({
  intent,
  loading,
  onApply,
  onClose,
  title,
  applyLabel,
  cancelLabel,
  body,
}: {
  /** The action to confirm; the dialog is closed while null. */
  intent: I | null;
  loading: boolean;
  onApply: (intent: I) => void;
  onClose: () => void;
  title: string;
  applyLabel: string;
  cancelLabel: string;
  /** What the action will do, in words. */
  body: string;
}) {
  return (
    <Modal
      open={intent !== null}
      onClose={onClose}
      title={title}
      primaryAction={{ content: applyLabel, loading, onAction: () => intent && onApply(intent) }}
      secondaryActions={[{ content: cancelLabel, onAction: onClose }]}
    >
      <Modal.Section>
        <Text as="p">{body}</Text>
      </Modal.Section>
    </Modal>
  );
}
