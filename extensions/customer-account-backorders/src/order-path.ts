/** The backend path of an order (`gid://shopify/Order/123` or its number → `/api/customer/orders/123`). */
export function orderPath(orderId: string): string {
  return `/api/customer/orders/${encodeURIComponent(orderId.split("/").pop() ?? orderId)}`;
}
