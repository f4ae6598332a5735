// Compensating a customer in Shopify (support desk): the order's customer and currency, a single-use discount
// code only that customer can use (`discountCodeBasicCreate`, write_discounts), store credit on the customer's
// account (`storeCreditAccountCredit`, write_store_credit_account_transactions), and a gift or loyalty
// gesture appended to the order's note (`orderUpdate`, write_orders). Shopify's refusals (userErrors, GraphQL
// errors) come back as `{ ok: false, message }` so the page can show them; transport errors propagate.
import { GraphqlQueryError } from "@shopify/shopify-api";
import type { CurrencyCode } from "~/types/admin.types";
import { requestOnce } from "./admin-client.server";
import type { AdminGraphql } from "./types";

const ORDER_FOR_COMPENSATION_QUERY = `#graphql
  query BackorderPilotOrderForCompensation($id: ID!) {
    order(id: $id) {
      id
      name
      note
      currencyCode
      customer {
        id
      }
    }
  }
`;

// `context.customers` (since 2025-04; `customerSelection` is deprecated): only this customer can use the code.
const CUSTOMER_DISCOUNT_MUTATION = `#graphql
  mutation BackorderPilotCustomerDiscountCode($discount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $discount) {
      codeDiscountNode {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

const STORE_CREDIT_MUTATION = `#graphql
  mutation BackorderPilotStoreCredit($id: ID!, $credit: StoreCreditAccountCreditInput!) {
    storeCreditAccountCredit(id: $id, creditInput: $credit) {
      storeCreditAccountTransaction {
        id
        expiresAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

const ORDER_NOTE_MUTATION = `#graphql
  mutation BackorderPilotOrderNote($input: OrderInput!) {
    orderUpdate(input: $input) {
      order {
        id
        note
      }
      userErrors {
        field
        message
      }
    }
  }
`;

export type ShopifyResult<T> = ({ ok: true } & T) | { ok: false; message: string };

/** Shopify's GraphQL refusal (e.g. a missing scope) as a result; anything else propagates. */
async function guarded<T>(request: () => Promise<T>): Promise<{ ok: true; body: T } | { ok: false; message: string }> {
  try {
    return { ok: true, body: await request() };
  } catch (error) {
    if (error instanceof GraphqlQueryError) return { ok: false, message: error.message };
    throw error;
  }
}

export interface CompensationOrder {
  customerId: string | null;
  currencyCode: string;
  note: string | null;
}

/** What compensating the order needs from Shopify: its customer, currency and current note. */
export async function readOrderForCompensation(graphql: AdminGraphql, orderId: string): Promise<ShopifyResult<{ order: CompensationOrder }>> {
  const result = await guarded(() => requestOnce(graphql, ORDER_FOR_COMPENSATION_QUERY, { variables: { id: orderId } }));
  if (!result.ok) return result;
  const order = result.body.data?.order;
  if (!order) return { ok: false, message: "Shopify has no such order" };
  return { ok: true, order: { customerId: order.customer?.id ?? null, currencyCode: order.currencyCode, note: order.note ?? null } };
}

export interface CustomerDiscountInput {
  customerId: string;
  code: string;
  title: string;
  value: { percentage: number } | { amount: string };
  startsAt: Date;
  endsAt: Date;
}

/** A code only `customerId` can use, once, on the whole order, valid from `startsAt` to `endsAt`. */
export async function createCustomerDiscountCode(graphql: AdminGraphql, input: CustomerDiscountInput): Promise<ShopifyResult<{ id: string }>> {
  const value = "percentage" in input.value ? { percentage: input.value.percentage } : { discountAmount: { amount: input.value.amount, appliesOnEachItem: false } };
  const discount = {
      title: input.title,
      code: input.code,
      startsAt: input.startsAt.toISOString(),
      endsAt: input.endsAt.toISOString(),
      usageLimit: 1,
      appliesOncePerCustomer: true,
      context: { customers: { add: [input.customerId] } },
      customerGets: { value, items: { all: true } },
      combinesWith: { orderDiscounts: false, productDiscounts: true, shippingDiscounts: true },
  };
  const result = await guarded(() => requestOnce(graphql, CUSTOMER_DISCOUNT_MUTATION, { variables: { discount } }));
  if (!result.ok) return result;
  const payload = result.body.data?.discountCodeBasicCreate;
  const [refusal] = payload?.userErrors ?? [];
  if (refusal) return { ok: false, message: refusal.message };
  if (!payload?.codeDiscountNode) return { ok: false, message: "Shopify created no discount" };
  return { ok: true, id: payload.codeDiscountNode.id };
}

/** Adds `amount` (a decimal) of store credit to the customer's account in `currencyCode`. */
export async function creditStoreCredit(
  graphql: AdminGraphql,
  { customerId, amount, currencyCode, expiresAt }: { customerId: string; amount: string; currencyCode: string; expiresAt: Date },
): Promise<ShopifyResult<{ id: string }>> {
  const credit = { creditAmount: { amount, currencyCode: currencyCode as CurrencyCode }, expiresAt: expiresAt.toISOString() };
  const result = await guarded(() => requestOnce(graphql, STORE_CREDIT_MUTATION, { variables: { id: customerId, credit } }));
  if (!result.ok) return result;
  const payload = result.body.data?.storeCreditAccountCredit;
  const [refusal] = payload?.userErrors ?? [];
  if (refusal) return { ok: false, message: refusal.message };
  if (!payload?.storeCreditAccountTransaction) return { ok: false, message: "Shopify credited nothing" };
  return { ok: true, id: payload.storeCreditAccountTransaction.id };
}

/** Replaces the order's note (`orderUpdate` overwrites it: pass the current note with the line appended). */
export async function updateOrderNote(graphql: AdminGraphql, { orderId, note }: { orderId: string; note: string }): Promise<ShopifyResult<{ id: string }>> {
  const result = await guarded(() => requestOnce(graphql, ORDER_NOTE_MUTATION, { variables: { input: { id: orderId, note } } }));
  if (!result.ok) return result;
  const payload = result.body.data?.orderUpdate;
  const [refusal] = payload?.userErrors ?? [];
  if (refusal) return { ok: false, message: refusal.message };
  if (!payload?.order) return { ok: false, message: "Shopify updated no order" };
  return { ok: true, id: payload.order.id };
}
