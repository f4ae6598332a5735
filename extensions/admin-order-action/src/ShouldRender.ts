// Whether "Backorder actions" appears in an order's More actions menu: only for an order the app has
// backorders on (the backend answers 404 for the others), so staff see no action that can do nothing.
// When the backend cannot say (a failure), the action stays: opened, it shows the failure.
import { numericId } from "../../shared/backend";

export default async (): Promise<{ display: boolean }> => {
  const orderId = numericId(shopify.data.selected[0]?.id, "Order");
  if (!orderId) return { display: false };
  try {
    const response = await fetch(`/api/admin/order/${orderId}`);
    return { display: response.status !== 404 };
  } catch {
    return { display: true };
  }
};
