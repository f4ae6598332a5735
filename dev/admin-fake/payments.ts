// Deferred payments in the Admin fake (issue 15): an order bought with a PRE_ORDER selling plan (a deposit at
// checkout, or nothing, and the balance later) has payment terms with one payment schedule, a balance
// (`totalOutstandingSet`), the customer's vaulted payment method (`paymentCollectionDetails.vaultedPaymentMethods`,
// a PaymentMandate), and lines that carry their selling plan. `orderCreateMandatePayment` charges the balance
// asynchronously as Shopify does: it answers at once with a Job and a `paymentReferenceId`; the payment's
// outcome is read with `orderPaymentStatus(orderId, paymentReferenceId)`. The same idempotency key on the same
// order replays the first payment (no second charge). Each test picks the gateway's answer per order
// (`setOutcome`): success (a SALE transaction, the balance goes to 0, the schedule completes) or a decline (a
// FAILURE transaction with its error code, the balance stays owed), and how many status reads stay PROCESSING
// first. Anything else (authorize-only charges, a job's `query`, `jobResult`) fails loudly.
import type { GraphQLResolveInfo } from "graphql";
import { type ConnectionArgs, type View, connection } from "./connection";
import { err, notImplemented, type UserError } from "./mutations";
import type { FakeContext, RootResolver } from "./queries";
import { type AdminStore, type Gid, type OrderRecord, fromCents, gidNumber, toCents } from "./store";

export type PaymentTermsType = "FULFILLMENT" | "FIXED";

export interface DeferOptions {
  /** Paid at checkout for the plan's lines: a percentage of their value, or a fixed amount in cents. Pay later: 0. */
  checkout: { percentage: number } | { cents: number };
  /** Line items bought on the plan (default: every line). Other lines are paid in full at checkout. */
  planLineItemIds?: Gid[];
  sellingPlanId?: Gid;
  sellingPlanName?: string;
  /** FULFILLMENT: the balance is due when the goods are ready; FIXED: on `dueAt`. */
  termsType?: PaymentTermsType;
  dueAt?: string | null;
}

export type ChargeOutcome =
  | { result: "success" }
  | { result: "decline"; errorCode?: string; message?: string };

export interface MandatePaymentRecord {
  paymentReferenceId: string;
  orderId: Gid;
  idempotencyKey: string;
  mandateId: Gid;
  amountCents: number;
  jobId: Gid;
  status: "PROCESSING" | "SUCCESS" | "FAILED";
  errorCode: string | null;
  errorMessage: string | null;
  transactionId: Gid | null;
  /** Status reads left that still answer PROCESSING. */
  pendingReads: number;
  createdAt: string;
}

interface DeferredOrder {
  orderId: Gid;
  termsId: Gid;
  scheduleId: Gid;
  mandateId: Gid;
  termsType: PaymentTermsType;
  dueAt: string | null;
  issuedAt: string;
  completedAt: string | null;
  planLineItemIds: Set<Gid>;
  sellingPlanId: Gid;
  sellingPlanName: string;
  outcome: ChargeOutcome;
  pendingReads: number;
  /** Failed attempts (their transactions: order.transactions holds successful ones only). */
  failed: { id: Gid; amountCents: number; errorCode: string; createdAt: string }[];
}

const ERROR_CODE = "ORDER_MANDATE_PAYMENT_ERROR_CODE";

export class PaymentsModel {
  private readonly deferred = new Map<Gid, DeferredOrder>();
  /** Every mandate payment created, oldest first (tests assert how many charges Shopify received). */
  readonly payments: MandatePaymentRecord[] = [];
  private sequence = 0;

  constructor(private readonly store: AdminStore) {}

  reset(): void {
    this.deferred.clear();
    this.payments.length = 0;
    this.sequence = 0;
  }

  private nextId(): number {
    // 64-bit ids like Shopify's (above 2^53 in webhooks: they arrive as exact digit strings).
    return 9_007_199_254_740_000 + ++this.sequence;
  }

  /**
   * Turns a placed (paid) order into a deferred-payment purchase: the checkout's SALE becomes what was paid at
   * checkout (the lines off the plan in full plus the deposit), the rest is the balance of one payment schedule.
   */
  deferOrder(orderId: Gid, options: DeferOptions): { mandateId: Gid; scheduleId: Gid; depositCents: number; balanceCents: number } {
    const order = this.store.getOrder(orderId);
    if (this.deferred.has(orderId)) throw new Error(`Admin fake: order ${orderId} is already deferred`);
    if ((options.termsType ?? "FULFILLMENT") === "FIXED" && !options.dueAt) throw new Error("Admin fake: FIXED payment terms need dueAt");
    const plan = new Set(options.planLineItemIds ?? order.lineItems.map((li) => li.id));
    for (const id of plan) if (!order.lineItems.some((li) => li.id === id)) throw new Error(`Admin fake: ${id} is not a line of ${orderId}`);
    const value = (pred: (id: Gid) => boolean) =>
      order.lineItems.filter((li) => pred(li.id)).reduce((sum, li) => sum + toCents(li.price) * li.quantity, 0);
    const planValue = value((id) => plan.has(id));
    const offPlan = value((id) => !plan.has(id));
    const deposit =
      "percentage" in options.checkout ? Math.round((planValue * options.checkout.percentage) / 100) : Math.min(planValue, options.checkout.cents);
    const now = this.store.timestamp();
    order.transactions = order.transactions.filter((t) => t.kind !== "SALE" && t.kind !== "AUTHORIZATION");
    if (offPlan + deposit > 0) {
      order.transactions.push({ id: this.store.gid("OrderTransaction"), kind: "SALE", gateway: "bogus", amount: fromCents(offPlan + deposit), parentId: null, createdAt: order.createdAt });
    }
    order.financialStatus = offPlan + deposit > 0 ? "PARTIALLY_PAID" : "PENDING";
    const state: DeferredOrder = {
      orderId,
      termsId: `gid://shopify/PaymentTerms/${this.nextId()}`,
      scheduleId: `gid://shopify/PaymentSchedule/${this.nextId()}`,
      mandateId: `gid://shopify/PaymentMandate/${this.nextId()}`,
      termsType: options.termsType ?? "FULFILLMENT",
      dueAt: options.dueAt ?? null,
      issuedAt: now,
      completedAt: null,
      planLineItemIds: plan,
      sellingPlanId: options.sellingPlanId ?? `gid://shopify/SellingPlan/${this.nextId()}`,
      sellingPlanName: options.sellingPlanName ?? "Pre-order: deposit now, the rest when it ships",
      outcome: { result: "success" },
      pendingReads: 0,
      failed: [],
    };
    this.deferred.set(orderId, state);
    return { mandateId: state.mandateId, scheduleId: state.scheduleId, depositCents: deposit, balanceCents: this.outstandingCents(order) };
  }

  /** What the gateway answers to this order's next charges, and how many status reads stay PROCESSING first. */
  setOutcome(orderId: Gid, outcome: ChargeOutcome, options: { pendingReads?: number } = {}): void {
    const state = this.stateOf(orderId);
    state.outcome = outcome;
    state.pendingReads = options.pendingReads ?? 0;
  }

  isDeferred(orderId: Gid): boolean {
    return this.deferred.has(orderId);
  }

  private stateOf(orderId: Gid): DeferredOrder {
    const state = this.deferred.get(orderId);
    if (!state) throw new Error(`Admin fake: order ${orderId} has no deferred payment (call deferOrder first)`);
    return state;
  }

  /** Still to pay: the current total (lines less refunded units) less what was received, plus what was refunded. */
  outstandingCents(order: OrderRecord): number {
    const current = order.lineItems.reduce((sum, li) => sum + toCents(li.price) * (li.quantity - this.store.refundedQuantity(order, li.id)), 0);
    return Math.max(0, current - this.store.receivedCents(order) + this.store.refundedCents(order));
  }

  /** The fields Shopify's REST order webhook carries about it (`payment_terms`, `total_outstanding`). */
  webhookFields(order: OrderRecord): { payment_terms: unknown; total_outstanding: string } {
    const state = this.deferred.get(order.id);
    const outstanding = fromCents(this.outstandingCents(order));
    if (!state) return { payment_terms: null, total_outstanding: outstanding };
    return {
      payment_terms: {
        id: gidNumber(state.termsId),
        payment_terms_name: state.termsType === "FIXED" ? "Fixed" : "Due on fulfillment",
        payment_terms_type: state.termsType,
        due_in_days: null,
        created_at: state.issuedAt,
        updated_at: state.completedAt ?? state.issuedAt,
        payment_schedules: [
          {
            id: gidNumber(state.scheduleId),
            amount: outstanding,
            currency: order.currencyCode,
            issued_at: state.issuedAt,
            due_at: state.dueAt,
            completed_at: state.completedAt,
            created_at: state.issuedAt,
            updated_at: state.completedAt ?? state.issuedAt,
          },
        ],
      },
      total_outstanding: outstanding,
    };
  }

  // ---- GraphQL -------------------------------------------------------------------------------------

  private money(cents: number): View {
    return { __typename: "MoneyV2", amount: fromCents(cents), currencyCode: this.store.shop.currencyCode };
  }

  private moneyBag(cents: number): View {
    return { __typename: "MoneyBag", shopMoney: this.money(cents), presentmentMoney: this.money(cents) };
  }

  private orderOf(source: unknown): OrderRecord {
    const id = (source as { id?: unknown } | null)?.id;
    if (typeof id !== "string" || !this.store.orders.has(id)) throw notImplemented("payment fields of an order the fake does not hold");
    return this.store.getOrder(id);
  }

  private scheduleView(order: OrderRecord, state: DeferredOrder): View {
    const balance = this.outstandingCents(order);
    return {
      __typename: "PaymentSchedule",
      id: state.scheduleId,
      amount: this.money(balance),
      balanceDue: this.money(balance),
      totalBalance: this.money(balance),
      issuedAt: state.issuedAt,
      dueAt: state.dueAt,
      completedAt: state.completedAt,
      due: state.termsType === "FIXED" ? Date.parse(state.dueAt ?? "") <= this.store.now() : false,
    };
  }

  private termsView(order: OrderRecord, state: DeferredOrder): View {
    return {
      __typename: "PaymentTerms",
      id: state.termsId,
      paymentTermsType: state.termsType,
      paymentTermsName: state.termsType === "FIXED" ? "Fixed" : "Due on fulfillment",
      translatedName: state.termsType === "FIXED" ? "Fixed" : "Due on fulfillment",
      dueInDays: null,
      overdue: state.termsType === "FIXED" && state.completedAt === null && Date.parse(state.dueAt ?? "") < this.store.now(),
      due: state.completedAt === null && (state.termsType === "FULFILLMENT" || Date.parse(state.dueAt ?? "") <= this.store.now()),
      paymentSchedules: (args: ConnectionArgs) => connection([{ id: state.scheduleId }], args, "PaymentSchedule", () => this.scheduleView(order, state)),
    };
  }

  private transactionView(t: { id: Gid; kind: string; status: string; amountCents: number; errorCode: string | null; createdAt: string }): View {
    return {
      __typename: "OrderTransaction",
      id: t.id,
      kind: t.kind,
      status: t.status,
      gateway: "bogus",
      errorCode: t.errorCode,
      amountSet: this.moneyBag(t.amountCents),
      processedAt: t.createdAt,
      createdAt: t.createdAt,
    };
  }

  /** Field resolvers keyed "Type.field" (the fake's `resolvers` option). */
  fieldResolvers(): Record<string, (source: unknown, args: Record<string, unknown>, ctx: FakeContext, info: GraphQLResolveInfo) => unknown> {
    return {
      "Order.paymentTerms": (source) => {
        const order = this.orderOf(source);
        const state = this.deferred.get(order.id);
        return state ? this.termsView(order, state) : null;
      },
      "Order.totalOutstandingSet": (source) => this.moneyBag(this.outstandingCents(this.orderOf(source))),
      "Order.paymentCollectionDetails": (source) => {
        const state = this.deferred.get(this.orderOf(source).id);
        return {
          __typename: "OrderPaymentCollectionDetails",
          additionalPaymentCollectionUrl: null,
          vaultedPaymentMethods: state
            ? [
                {
                  __typename: "PaymentMandate",
                  id: state.mandateId,
                  paymentInstrument: () => {
                    throw notImplemented("PaymentMandate.paymentInstrument");
                  },
                },
              ]
            : [],
        };
      },
      "LineItem.sellingPlan": (source) => {
        const id = (source as { id?: unknown }).id;
        for (const state of this.deferred.values()) {
          if (typeof id === "string" && state.planLineItemIds.has(id)) {
            return { __typename: "LineItemSellingPlan", name: state.sellingPlanName, sellingPlanId: state.sellingPlanId };
          }
        }
        return null;
      },
    };
  }

  queryResolvers(): Record<string, RootResolver> {
    return {
      orderPaymentStatus: (args) => {
        const payment = this.payments.find((p) => p.orderId === args.orderId && p.paymentReferenceId === args.paymentReferenceId);
        if (!payment) return null;
        this.settle(payment);
        const order = this.store.getOrder(payment.orderId);
        const state = this.stateOf(payment.orderId);
        const transactions =
          payment.status === "SUCCESS"
            ? order.transactions
                .filter((t) => t.id === payment.transactionId)
                .map((t) => this.transactionView({ id: t.id, kind: "SALE", status: "SUCCESS", amountCents: toCents(t.amount), errorCode: null, createdAt: t.createdAt }))
            : payment.status === "FAILED"
              ? state.failed
                  .filter((f) => f.id === payment.transactionId)
                  .map((f) => this.transactionView({ id: f.id, kind: "SALE", status: "FAILURE", amountCents: f.amountCents, errorCode: f.errorCode, createdAt: f.createdAt }))
              : [];
        const status = payment.status === "SUCCESS" ? "CAPTURED" : payment.status === "FAILED" ? "ERROR" : "PROCESSING";
        return {
          __typename: "OrderPaymentStatus",
          paymentReferenceId: payment.paymentReferenceId,
          status,
          errorMessage: payment.errorMessage,
          translatedErrorMessage: payment.errorMessage,
          transactions,
        };
      },
    };
  }

  /** The gateway answers once the status has been read `pendingReads` times. */
  private settle(payment: MandatePaymentRecord): void {
    if (payment.status !== "PROCESSING") return;
    if (payment.pendingReads > 0) {
      payment.pendingReads--;
      return;
    }
    const order = this.store.getOrder(payment.orderId);
    const state = this.stateOf(payment.orderId);
    const now = this.store.timestamp();
    const job = this.store.jobs.get(payment.jobId);
    if (job) job.done = true;
    if (state.outcome.result === "success") {
      const id = this.store.gid("OrderTransaction");
      order.transactions.push({ id, kind: "SALE", gateway: "bogus", amount: fromCents(payment.amountCents), parentId: null, createdAt: now });
      payment.status = "SUCCESS";
      payment.transactionId = id;
      if (this.outstandingCents(order) === 0) {
        order.financialStatus = "PAID";
        state.completedAt = now;
      }
    } else {
      const id = this.store.gid("OrderTransaction");
      const errorCode = state.outcome.errorCode ?? "CARD_DECLINED";
      state.failed.push({ id, amountCents: payment.amountCents, errorCode, createdAt: now });
      payment.status = "FAILED";
      payment.transactionId = id;
      payment.errorCode = errorCode;
      payment.errorMessage = state.outcome.message ?? "Your card was declined.";
    }
    order.updatedAt = now;
    this.store.emit({ type: "order_updated", orderId: order.id });
  }

  mutationResolvers(): Record<string, RootResolver> {
    return {
      orderCreateMandatePayment: (args) => {
        const fail = (field: string[] | null, message: string) => ({ job: null, paymentReferenceId: null, userErrors: [err(field, message, ERROR_CODE)] satisfies UserError[] });
        const orderId = String(args.id);
        const key = String(args.idempotencyKey ?? "");
        if (args.autoCapture === false) throw notImplemented("orderCreateMandatePayment(autoCapture: false)");
        const replay = this.payments.find((p) => p.orderId === orderId && p.idempotencyKey === key);
        if (replay) {
          return { job: { __typename: "Job", id: replay.jobId, done: replay.status !== "PROCESSING", query: () => { throw notImplemented("Job.query"); } }, paymentReferenceId: replay.paymentReferenceId, userErrors: [] };
        }
        if (!key.trim() || key.length > 255) return fail(["idempotencyKey"], "Idempotency key is invalid");
        const order = this.store.orders.get(orderId);
        if (!order) return fail(["id"], "Order does not exist");
        const state = this.deferred.get(orderId);
        if (!state || state.mandateId !== args.mandateId) return fail(["mandateId"], "Mandate does not exist or does not belong to this order");
        if (order.cancelledAt) return fail(["id"], "Order is cancelled");
        if (args.paymentScheduleId != null && args.paymentScheduleId !== state.scheduleId) return fail(["paymentScheduleId"], "Payment schedule does not exist");
        const outstanding = this.outstandingCents(order);
        if (outstanding <= 0) return fail(["id"], "Order has no outstanding balance");
        let amount = outstanding;
        const money = args.amount as { amount?: unknown; currencyCode?: unknown } | null | undefined;
        if (money) {
          if (money.currencyCode !== order.currencyCode) return fail(["amount", "currencyCode"], "Currency does not match the order");
          amount = toCents(String(money.amount));
          if (amount <= 0 || amount > outstanding) return fail(["amount"], "Amount must be positive and at most the outstanding balance");
        }
        const jobId = this.store.gid("Job");
        this.store.jobs.set(jobId, { id: jobId, done: false });
        const payment: MandatePaymentRecord = {
          paymentReferenceId: `mp-${gidNumber(orderId)}-${this.payments.length + 1}`,
          orderId,
          idempotencyKey: key,
          mandateId: state.mandateId,
          amountCents: amount,
          jobId,
          status: "PROCESSING",
          errorCode: null,
          errorMessage: null,
          transactionId: null,
          pendingReads: state.pendingReads,
          createdAt: this.store.timestamp(),
        };
        this.payments.push(payment);
        return { job: { __typename: "Job", id: jobId, done: false, query: () => { throw notImplemented("Job.query"); } }, paymentReferenceId: payment.paymentReferenceId, userErrors: [] };
      },
    };
  }

  /** Charges that went through (what the customer's card was really charged), per order. */
  chargesOf(orderId: Gid): MandatePaymentRecord[] {
    return this.payments.filter((p) => p.orderId === orderId && p.status === "SUCCESS");
  }
}
