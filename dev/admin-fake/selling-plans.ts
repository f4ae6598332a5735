// Selling plan groups (purchase options) in the Admin fake: the five mutations an app uses to offer
// PRE_ORDER plans (create, update, add / remove variants, delete), checked the way Shopify checks them
// (SellingPlanGroupUserErrorCode of the 2026-07 schema), changing nothing when anything is refused. Only
// fixed (pre-order / try-before-you-buy) plans are modelled: recurring policies, pricing policies, anchors,
// plan metafields, product-level attachment and the `write_purchase_options` scope being absent are loud.
// Shopify deletes an app's groups 48 hours after the app is uninstalled (SellingPlanBillingPolicy docs):
// `appUninstalled()` starts that clock, `groups` no longer lists them once it ran out.
import { GraphQLError } from "graphql";
import { checkGid, err, notImplemented, onlyKeys, type UserError } from "./mutations";
import type { FakeContext, RootResolver } from "./queries";
import type { Gid } from "./store";

export const GROUP_REMOVAL_AFTER_UNINSTALL_MS = 48 * 3_600_000;
const MAX_PLANS = 31;

export interface SellingPlanRecord {
  id: Gid;
  name: string;
  description: string | null;
  options: string[];
  position: number | null;
  category: string | null;
  billingPolicy: {
    checkoutCharge: { type: "PERCENTAGE" | "PRICE"; percentage: number | null; fixedValue: string | null };
    remainingBalanceChargeTrigger: string;
    remainingBalanceChargeExactTime: string | null;
    remainingBalanceChargeTimeAfterCheckout: string | null;
  };
  deliveryPolicy: { fulfillmentTrigger: string; fulfillmentExactTime: string | null };
  inventoryPolicy: { reserve: string } | null;
  createdAt: string;
}

export interface SellingPlanGroupRecord {
  id: Gid;
  name: string;
  merchantCode: string;
  description: string | null;
  appId: string | null;
  options: string[];
  position: number | null;
  plans: SellingPlanRecord[];
  /** Variants attached, in the order they were added. */
  variantIds: Gid[];
  createdAt: string;
}

type Args = Record<string, unknown>;
type Input = Record<string, unknown>;

const PLAN_KEYS = ["id", "name", "description", "options", "position", "category", "billingPolicy", "deliveryPolicy", "inventoryPolicy"] as const;
const GROUP_KEYS = ["name", "merchantCode", "description", "appId", "options", "position", "sellingPlansToCreate", "sellingPlansToUpdate", "sellingPlansToDelete"] as const;

const isRecord = (value: unknown): value is Input => typeof value === "object" && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** The selling plan side of one fake shop. */
export class SellingPlansModel {
  private readonly records = new Map<Gid, SellingPlanGroupRecord>();
  /** Off, every selling plan mutation is refused as Shopify refuses an app without `write_purchase_options`. */
  scopeGranted = true;
  private uninstalledAt: number | null = null;

  constructor(
    private readonly now: () => number,
    private readonly newGid: (type: string) => Gid,
  ) {}

  reset(): void {
    this.records.clear();
    this.scopeGranted = true;
    this.uninstalledAt = null;
  }

  /** The shop's groups now (the app's are gone 48 hours after it was uninstalled). */
  get groups(): SellingPlanGroupRecord[] {
    this.purge();
    return [...this.records.values()];
  }

  group(id: Gid): SellingPlanGroupRecord | undefined {
    this.purge();
    return this.records.get(id);
  }

  /** The groups a variant is attached to. */
  groupsOfVariant(variantId: Gid): SellingPlanGroupRecord[] {
    return this.groups.filter((g) => g.variantIds.includes(variantId));
  }

  /** The app was uninstalled now: Shopify removes the groups it created 48 hours later. */
  appUninstalled(): void {
    this.uninstalledAt = this.now();
  }

  private purge(): void {
    if (this.uninstalledAt === null || this.now() < this.uninstalledAt + GROUP_REMOVAL_AFTER_UNINSTALL_MS) return;
    for (const [id, group] of this.records) if (group.appId !== null) this.records.delete(id);
  }

  mutationResolvers(): Record<string, RootResolver> {
    const guard = (field: string, run: (args: Args, ctx: FakeContext) => unknown): RootResolver => (args, ctx) => {
      if (!this.scopeGranted) {
        throw new GraphQLError(`Access denied for ${field} field. Required access: \`write_purchase_options\` access scope.`, {
          extensions: { code: "ACCESS_DENIED", documentation: "https://shopify.dev/api/usage/access-scopes", requiredAccess: "`write_purchase_options` access scope." },
        });
      }
      this.purge();
      return run(args, ctx);
    };
    return {
      sellingPlanGroupCreate: guard("sellingPlanGroupCreate", (args, ctx) => this.create(args, ctx)),
      sellingPlanGroupUpdate: guard("sellingPlanGroupUpdate", (args) => this.update(args)),
      sellingPlanGroupAddProductVariants: guard("sellingPlanGroupAddProductVariants", (args, ctx) => this.addVariants(args, ctx)),
      sellingPlanGroupRemoveProductVariants: guard("sellingPlanGroupRemoveProductVariants", (args) => this.removeVariants(args)),
      sellingPlanGroupDelete: guard("sellingPlanGroupDelete", (args) => this.delete(args)),
      sellingPlanGroupAddProducts: () => {
        throw notImplemented("sellingPlanGroupAddProducts (the fake attaches variants only)");
      },
      sellingPlanGroupRemoveProducts: () => {
        throw notImplemented("sellingPlanGroupRemoveProducts (the fake attaches variants only)");
      },
    };
  }

  // ---- mutations ---------------------------------------------------------------------------------------

  private create(args: Args, ctx: FakeContext) {
    const input = args.input as Input;
    onlyKeys(input, GROUP_KEYS, "SellingPlanGroupInput");
    const resources = isRecord(args.resources) ? args.resources : null;
    if (resources) {
      onlyKeys(resources, ["productVariantIds"], "SellingPlanGroupResourceInput");
    }
    const errors: UserError[] = [];
    if (strings(input.sellingPlansToUpdate).length || strings(input.sellingPlansToDelete).length) {
      errors.push(err(["input", "sellingPlansToUpdate"], "Selling plans can only be created with a new group", "INVALID_INPUT"));
    }
    const group = this.groupFields(input, null, errors);
    const toCreate = (Array.isArray(input.sellingPlansToCreate) ? input.sellingPlansToCreate : []) as Input[];
    if (toCreate.length === 0) errors.push(err(["input", "sellingPlansToCreate"], "Must include at least one selling plan", "SELLING_PLAN_COUNT_LOWER_BOUND"));
    const plans = toCreate.map((plan, i) => this.planFields(plan, null, group.options.length, ["input", "sellingPlansToCreate", i], errors));
    this.checkPlanSet(plans, errors);
    const variantIds = this.existingVariants(strings(resources?.productVariantIds), ctx, ["resources", "productVariantIds"], errors);
    if (errors.length) return { sellingPlanGroup: null, userErrors: errors };
    const at = new Date(this.now()).toISOString();
    const record: SellingPlanGroupRecord = {
      id: this.newGid("SellingPlanGroup"),
      ...group,
      plans: plans.map((p) => ({ ...p, id: this.newGid("SellingPlan"), createdAt: at })),
      variantIds: [...new Set(variantIds)],
      createdAt: at,
    };
    this.records.set(record.id, record);
    return { sellingPlanGroup: this.view(record), userErrors: [] };
  }

  private update(args: Args) {
    const id = String(args.id);
    checkGid(id);
    const input = args.input as Input;
    onlyKeys(input, GROUP_KEYS, "SellingPlanGroupInput");
    const current = this.records.get(id);
    if (!current) return { sellingPlanGroup: null, deletedSellingPlanIds: null, userErrors: [err(["id"], "Selling plan group does not exist.", "GROUP_DOES_NOT_EXIST")] };
    const errors: UserError[] = [];
    const group = this.groupFields(input, current, errors);
    const toDelete = strings(input.sellingPlansToDelete);
    for (const [i, planId] of toDelete.entries()) {
      if (!current.plans.some((p) => p.id === planId)) errors.push(err(["input", "sellingPlansToDelete", String(i)], "Selling plan does not exist.", "PLAN_DOES_NOT_EXIST"));
    }
    const updates = new Map<Gid, Omit<SellingPlanRecord, "id" | "createdAt">>();
    ((Array.isArray(input.sellingPlansToUpdate) ? input.sellingPlansToUpdate : []) as Input[]).forEach((plan, i) => {
      const path = ["input", "sellingPlansToUpdate", i];
      const planId = typeof plan.id === "string" ? plan.id : null;
      if (!planId) return void errors.push(err([...path, "id"], "Selling plan ID must be specified to update.", "PLAN_ID_MUST_BE_SPECIFIED_TO_UPDATE"));
      const existing = current.plans.find((p) => p.id === planId);
      if (!existing) return void errors.push(err([...path, "id"], "Selling plan does not exist.", "PLAN_DOES_NOT_EXIST"));
      updates.set(planId, this.planFields(plan, existing, group.options.length, path, errors));
    });
    const created = ((Array.isArray(input.sellingPlansToCreate) ? input.sellingPlansToCreate : []) as Input[]).map((plan, i) =>
      this.planFields(plan, null, group.options.length, ["input", "sellingPlansToCreate", i], errors),
    );
    const at = new Date(this.now()).toISOString();
    const plans: SellingPlanRecord[] = [
      ...current.plans.filter((p) => !toDelete.includes(p.id)).map((p) => ({ ...p, ...(updates.get(p.id) ?? {}) })),
      ...created.map((p) => ({ ...p, id: "pending", createdAt: at })),
    ];
    if (plans.length === 0) errors.push(err(["input", "sellingPlansToDelete"], "Must include at least one selling plan", "SELLING_PLAN_COUNT_LOWER_BOUND"));
    this.checkPlanSet(plans, errors);
    // A plan left as it was must still fit the group's options.
    for (const p of plans) {
      if (p.options.length !== group.options.length) errors.push(err(["input", "options"], "Selling plan options must match the group's options", "INVALID_INPUT"));
    }
    if (errors.length) return { sellingPlanGroup: null, deletedSellingPlanIds: null, userErrors: dedupe(errors) };
    const record: SellingPlanGroupRecord = { ...current, ...group, plans: plans.map((p) => (p.id === "pending" ? { ...p, id: this.newGid("SellingPlan") } : p)) };
    this.records.set(id, record);
    return { sellingPlanGroup: this.view(record), deletedSellingPlanIds: toDelete, userErrors: [] };
  }

  private addVariants(args: Args, ctx: FakeContext) {
    const id = String(args.id);
    checkGid(id);
    const group = this.records.get(id);
    if (!group) return { sellingPlanGroup: null, userErrors: [err(["id"], "Selling plan group does not exist.", "GROUP_DOES_NOT_EXIST")] };
    const errors: UserError[] = [];
    const ids = this.existingVariants(strings(args.productVariantIds), ctx, ["productVariantIds"], errors);
    if (errors.length) return { sellingPlanGroup: null, userErrors: errors };
    for (const variantId of ids) if (!group.variantIds.includes(variantId)) group.variantIds.push(variantId);
    return { sellingPlanGroup: this.view(group), userErrors: [] };
  }

  private removeVariants(args: Args) {
    const id = String(args.id);
    checkGid(id);
    const group = this.records.get(id);
    if (!group) return { removedProductVariantIds: null, userErrors: [err(["id"], "Selling plan group does not exist.", "GROUP_DOES_NOT_EXIST")] };
    const asked = strings(args.productVariantIds);
    asked.forEach(checkGid);
    const removed = group.variantIds.filter((v) => asked.includes(v));
    group.variantIds = group.variantIds.filter((v) => !asked.includes(v));
    return { removedProductVariantIds: removed, userErrors: [] };
  }

  private delete(args: Args) {
    const id = String(args.id);
    checkGid(id);
    if (!this.records.delete(id)) return { deletedSellingPlanGroupId: null, userErrors: [err(["id"], "Selling plan group does not exist.", "GROUP_DOES_NOT_EXIST")] };
    return { deletedSellingPlanGroupId: id, userErrors: [] };
  }

  // ---- checks ------------------------------------------------------------------------------------------

  private groupFields(input: Input, current: SellingPlanGroupRecord | null, errors: UserError[]) {
    const pick = <K extends "name" | "merchantCode" | "description" | "appId" | "options" | "position">(key: K) =>
      input[key] !== undefined && input[key] !== null ? input[key] : current ? current[key] : null;
    const name = String(pick("name") ?? "");
    const merchantCode = String(pick("merchantCode") ?? "");
    const options = strings(pick("options"));
    if (!name.trim()) errors.push(err(["input", "name"], "Name can't be blank", "BLANK"));
    if (name.length > 255) errors.push(err(["input", "name"], "Name is too long (maximum is 255 characters)", "TOO_LONG"));
    if (!merchantCode.trim()) errors.push(err(["input", "merchantCode"], "Merchant code can't be blank", "BLANK"));
    if (options.length === 0) errors.push(err(["input", "options"], "Options can't be blank", "BLANK"));
    if (options.length > 3) errors.push(err(["input", "options"], "Options is too long (maximum is 3)", "TOO_LONG"));
    const description = pick("description");
    const appId = pick("appId");
    const position = pick("position");
    return {
      name,
      merchantCode,
      description: description === null ? null : String(description),
      appId: appId === null ? null : String(appId),
      options,
      position: typeof position === "number" ? position : null,
    };
  }

  private planFields(
    plan: Input,
    existing: SellingPlanRecord | null,
    groupOptions: number,
    path: (string | number)[],
    errors: UserError[],
  ): Omit<SellingPlanRecord, "id" | "createdAt"> {
    onlyKeys(plan, PLAN_KEYS, "SellingPlanInput");
    const at = (...rest: (string | number)[]) => [...path, ...rest];
    const name = plan.name != null ? String(plan.name) : (existing?.name ?? "");
    if (!name.trim()) errors.push(err(at("name"), "Name can't be blank", "BLANK"));
    if (name.length > 255) errors.push(err(at("name"), "Name is too long (maximum is 255 characters)", "TOO_LONG"));
    const options = plan.options != null ? strings(plan.options) : (existing?.options ?? []);
    if (options.length < groupOptions) {
      errors.push(err(at("options"), `Selling plan's option${options.length + 1} is required because option${options.length + 1} exists.`, options.length === 1 ? "SELLING_PLAN_OPTION2_REQUIRED_AS_DEFINED_ON_PARENT_GROUP" : "SELLING_PLAN_OPTION3_REQUIRED_AS_DEFINED_ON_PARENT_GROUP"));
    } else if (options.length > groupOptions) {
      errors.push(err(at("options"), `Cannot define option${groupOptions + 1} on this selling plan as there's no label on the parent selling plan group.`, groupOptions === 1 ? "SELLING_PLAN_MISSING_OPTION2_LABEL_ON_PARENT_GROUP" : "SELLING_PLAN_MISSING_OPTION3_LABEL_ON_PARENT_GROUP"));
    }
    const category = plan.category != null ? String(plan.category) : (existing?.category ?? null);
    const billing = plan.billingPolicy != null ? this.billing(plan.billingPolicy as Input, at("billingPolicy"), errors) : existing?.billingPolicy ?? null;
    if (!billing) errors.push(err(at("billingPolicy"), "Missing billing policy.", "SELLING_PLAN_BILLING_POLICY_MISSING"));
    const delivery = plan.deliveryPolicy != null ? this.delivery(plan.deliveryPolicy as Input, at("deliveryPolicy"), errors) : existing?.deliveryPolicy ?? null;
    if (!delivery) errors.push(err(at("deliveryPolicy"), "Missing delivery policy.", "SELLING_PLAN_DELIVERY_POLICY_MISSING"));
    let inventoryPolicy = existing?.inventoryPolicy ?? null;
    if (isRecord(plan.inventoryPolicy)) {
      onlyKeys(plan.inventoryPolicy, ["reserve"], "SellingPlanInventoryPolicyInput");
      inventoryPolicy = { reserve: String(plan.inventoryPolicy.reserve ?? "ON_FULFILLMENT") };
    }
    return {
      name,
      description: plan.description != null ? String(plan.description) : (existing?.description ?? null),
      options,
      position: typeof plan.position === "number" ? plan.position : (existing?.position ?? null),
      category,
      billingPolicy: billing ?? { checkoutCharge: { type: "PERCENTAGE", percentage: 100, fixedValue: null }, remainingBalanceChargeTrigger: "NO_REMAINING_BALANCE", remainingBalanceChargeExactTime: null, remainingBalanceChargeTimeAfterCheckout: null },
      deliveryPolicy: delivery ?? { fulfillmentTrigger: "ASAP", fulfillmentExactTime: null },
      inventoryPolicy,
    };
  }

  private billing(policy: Input, path: (string | number)[], errors: UserError[]): SellingPlanRecord["billingPolicy"] | null {
    onlyKeys(policy, ["fixed", "recurring"], "SellingPlanBillingPolicyInput");
    if (policy.recurring) throw notImplemented("SellingPlanBillingPolicyInput.recurring (subscriptions)");
    if (!isRecord(policy.fixed)) return null;
    const fixed = policy.fixed;
    onlyKeys(fixed, ["checkoutCharge", "remainingBalanceChargeTrigger", "remainingBalanceChargeExactTime", "remainingBalanceChargeTimeAfterCheckout"], "SellingPlanFixedBillingPolicyInput");
    const at = (...rest: string[]) => [...path, "fixed", ...rest];
    const charge = isRecord(fixed.checkoutCharge) ? fixed.checkoutCharge : {};
    onlyKeys(charge, ["type", "value"], "SellingPlanCheckoutChargeInput");
    const value = isRecord(charge.value) ? charge.value : {};
    onlyKeys(value, ["percentage", "fixedValue"], "SellingPlanCheckoutChargeValueInput");
    const type = charge.type === "PRICE" ? "PRICE" : "PERCENTAGE";
    const percentage = typeof value.percentage === "number" ? value.percentage : null;
    const fixedValue = value.fixedValue != null ? String(value.fixedValue) : null;
    if (percentage !== null && fixedValue !== null) {
      errors.push(err(at("checkoutCharge", "value"), "A fixed billing policy's checkout charge can have at most one value.", "ONLY_NEED_ONE_CHECKOUT_CHARGE_VALUE"));
    } else if ((type === "PERCENTAGE" && percentage === null && fixedValue !== null) || (type === "PRICE" && fixedValue === null)) {
      errors.push(err(at("checkoutCharge"), "A fixed billing policy's checkout charge value and type must match.", "CHECKOUT_CHARGE_VALUE_AND_TYPE_MUST_MATCH"));
    }
    const pct = type === "PERCENTAGE" ? (percentage ?? 100) : null;
    if (pct !== null && (pct < 0 || pct > 100)) errors.push(err(at("checkoutCharge", "value", "percentage"), "Percentage must be between 0 and 100", "LESS_THAN_OR_EQUAL_TO"));
    if (type === "PRICE" && fixedValue !== null && !(Number(fixedValue) > 0)) errors.push(err(at("checkoutCharge", "value", "fixedValue"), "Fixed value must be greater than 0", "GREATER_THAN"));
    const trigger = String(fixed.remainingBalanceChargeTrigger ?? "NO_REMAINING_BALANCE");
    const exactTime = fixed.remainingBalanceChargeExactTime != null ? String(fixed.remainingBalanceChargeExactTime) : null;
    const afterCheckout = fixed.remainingBalanceChargeTimeAfterCheckout != null ? String(fixed.remainingBalanceChargeTimeAfterCheckout) : null;
    if (trigger === "NO_REMAINING_BALANCE") {
      if (type === "PRICE") errors.push(err(at("remainingBalanceChargeTrigger"), "A fixed billing policy's remaining_balance_charge_trigger can't be NO_REMAINING_BALANCE when the checkout_charge_type is PRICE.", "REMAINING_BALANCE_CHARGE_TRIGGER_NO_REMAINING_BALANCE_ON_PRICE_CHECKOUT_CHARGE"));
      else if (pct !== null && pct < 100) errors.push(err(at("remainingBalanceChargeTrigger"), "A fixed billing policy's remaining_balance_charge_trigger can't be NO_REMAINING_BALANCE when the checkout_charge_type is PERCENTAGE and checkout_charge_value is less than 100.", "REMAINING_BALANCE_CHARGE_TRIGGER_NO_REMAINING_BALANCE_ON_PARTIAL_PERCENTAGE_CHECKOUT_CHARGE"));
    } else if (type === "PERCENTAGE" && pct === 100) {
      errors.push(err(at("remainingBalanceChargeTrigger"), "A fixed billing policy's remaining_balance_charge_trigger must be NO_REMAINING_BALANCE when the checkout_charge_type is PERCENTAGE and checkout_charge_value is 100.", "REMAINING_BALANCE_CHARGE_TRIGGER_ON_FULL_CHECKOUT"));
    }
    if (trigger === "EXACT_TIME") {
      if (exactTime === null) errors.push(err(at("remainingBalanceChargeExactTime"), "A fixed billing policy's remaining_balance_charge_exact_time can't be blank when the remaining_balance_charge_trigger is EXACT_TIME.", "REMAINING_BALANCE_CHARGE_EXACT_TIME_REQUIRED"));
      else if (!(Date.parse(exactTime) > this.now())) errors.push(err(at("remainingBalanceChargeExactTime"), "Remaining balance charge exact time must be in the future", "GREATER_THAN"));
    } else if (exactTime !== null) {
      errors.push(err(at("remainingBalanceChargeExactTime"), "A fixed billing policy's remaining_balance_charge_exact_time must not be present when the remaining_balance_charge_trigger isn't EXACT_TIME.", "REMAINING_BALANCE_CHARGE_EXACT_TIME_NOT_ALLOWED"));
    }
    if (trigger === "TIME_AFTER_CHECKOUT" && !(afterCheckout && /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/.test(afterCheckout) && /[1-9]/.test(afterCheckout))) {
      errors.push(err(at("remainingBalanceChargeTimeAfterCheckout"), "A fixed billing policy's remaining_balance_charge_time_after_checkout must be present and greater than zero when the remaining_balance_charge_trigger is TIME_AFTER_CHECKOUT.", "REMAINING_BALANCE_CHARGE_TIME_AFTER_CHECKOUT_MUST_BE_GREATER_THAN_ZERO"));
    }
    return {
      checkoutCharge: { type, percentage: type === "PERCENTAGE" ? pct : null, fixedValue: type === "PRICE" ? fixedValue : null },
      remainingBalanceChargeTrigger: trigger,
      remainingBalanceChargeExactTime: exactTime,
      remainingBalanceChargeTimeAfterCheckout: afterCheckout,
    };
  }

  private delivery(policy: Input, path: (string | number)[], errors: UserError[]): SellingPlanRecord["deliveryPolicy"] | null {
    onlyKeys(policy, ["fixed", "recurring"], "SellingPlanDeliveryPolicyInput");
    if (policy.recurring) throw notImplemented("SellingPlanDeliveryPolicyInput.recurring (subscriptions)");
    if (!isRecord(policy.fixed)) return null;
    const fixed = policy.fixed;
    onlyKeys(fixed, ["fulfillmentTrigger", "fulfillmentExactTime"], "SellingPlanFixedDeliveryPolicyInput");
    const trigger = String(fixed.fulfillmentTrigger ?? "ASAP");
    if (trigger === "ANCHOR") throw notImplemented("SellingPlanFixedDeliveryPolicyInput fulfillmentTrigger ANCHOR (anchors)");
    const exactTime = fixed.fulfillmentExactTime != null ? String(fixed.fulfillmentExactTime) : null;
    if (trigger === "EXACT_TIME" && exactTime === null) {
      errors.push(err([...path, "fixed", "fulfillmentExactTime"], "A fixed billing policy's fulfillment_exact_time can't be blank when the fulfillment_trigger is EXACT_TIME.", "FULFILLMENT_EXACT_TIME_REQUIRED"));
    }
    if (trigger !== "EXACT_TIME" && exactTime !== null) {
      errors.push(err([...path, "fixed", "fulfillmentExactTime"], "A fixed billing policy's fulfillment_exact_time must not be present when the fulfillment_trigger isn't EXACT_TIME.", "FULFILLMENT_EXACT_TIME_NOT_ALLOWED"));
    }
    return { fulfillmentTrigger: trigger, fulfillmentExactTime: exactTime };
  }

  private checkPlanSet(plans: readonly { name: string; options: string[] }[], errors: UserError[]): void {
    if (plans.length > MAX_PLANS) errors.push(err(["input", "sellingPlansToCreate"], `Exceeded the selling plan limit (${MAX_PLANS}).`, "SELLING_PLAN_COUNT_UPPER_BOUND"));
    const names = plans.map((p) => p.name);
    if (new Set(names).size !== names.length) errors.push(err(["input", "sellingPlansToCreate"], "Cannot have multiple selling plans with the same name.", "SELLING_PLAN_DUPLICATE_NAME"));
    const options = plans.map((p) => JSON.stringify(p.options));
    if (new Set(options).size !== options.length) errors.push(err(["input", "sellingPlansToCreate"], "Cannot have multiple selling plans with the same options.", "SELLING_PLAN_DUPLICATE_OPTIONS"));
  }

  private existingVariants(ids: string[], ctx: FakeContext, path: string[], errors: UserError[]): Gid[] {
    ids.forEach((id, i) => {
      checkGid(id);
      if (!ctx.store.variants.has(id)) errors.push(err([...path, String(i)], "Product variant does not exist.", "PRODUCT_VARIANT_DOES_NOT_EXIST"));
    });
    return ids;
  }

  // ---- views -------------------------------------------------------------------------------------------

  private view(record: SellingPlanGroupRecord) {
    const plan = (p: SellingPlanRecord) => ({
      __typename: "SellingPlan",
      id: p.id,
      name: p.name,
      description: p.description,
      options: p.options,
      position: p.position,
      category: p.category,
      createdAt: p.createdAt,
    });
    return {
      __typename: "SellingPlanGroup",
      id: record.id,
      name: record.name,
      merchantCode: record.merchantCode,
      description: record.description,
      appId: record.appId,
      options: record.options,
      position: record.position,
      createdAt: record.createdAt,
      sellingPlans: (args: Args) => {
        if (args.after || args.before || args.last || args.reverse) throw notImplemented("SellingPlanGroup.sellingPlans paging beyond `first`");
        const first = typeof args.first === "number" ? args.first : record.plans.length;
        return { nodes: record.plans.slice(0, first).map(plan) };
      },
    };
  }
}

function dedupe(errors: UserError[]): UserError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.code}|${(e.field ?? []).join(".")}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
