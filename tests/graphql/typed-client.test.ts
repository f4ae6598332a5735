// The typed client's signatures, checked by the compiler (`npm run typecheck` compiles this file): the
// operation's document selects the variables it takes and the data it returns. Each `@ts-expect-error`
// below is a call that must not compile; if the client's typing loosened (a string query, `any`
// variables), the directive would be unused and typecheck would fail. Nothing here runs against Shopify.
import { describe, expectTypeOf, it } from "vitest";
import type { AdminClient, requestOnce } from "~/shopify/admin-client.server";
import type { AdminOperation, OperationData, OperationVariables } from "~/shopify/admin-operations";
import type { AdminGraphql } from "~/shopify/types";
import type {
  BackorderPilotShopEmailQuery,
  BackorderPilotTagOrderMutation,
  BackorderPilotTagOrderMutationVariables,
  BackorderPilotVariantStockQuery,
} from "~/types/admin.generated";

/** The generated document of the operation with this name (found by name so the test does not copy its text). */
type Named<Name extends string> = Extract<AdminOperation, `${string} ${Name}${"(" | " "}${string}`>;

type VariantStock = Named<"BackorderPilotVariantStock">;
type ShopEmail = Named<"BackorderPilotShopEmail">;
type TagOrder = Named<"BackorderPilotTagOrder">;

declare const client: AdminClient;
declare const graphql: AdminGraphql;
declare const send: typeof requestOnce;
declare const VARIANT_STOCK: VariantStock;
declare const SHOP_EMAIL: ShopEmail;
declare const TAG_ORDER: TagOrder;

describe("the typed Admin client", () => {
  it("knows the app's operations by their documents", () => {
    // GIVEN operations picked by name  THEN each is one generated document, not `never` or `string`
    expectTypeOf<VariantStock>().not.toBeNever();
    expectTypeOf<ShopEmail>().not.toBeNever();
    expectTypeOf<TagOrder>().not.toBeNever();
    expectTypeOf<string>().not.toExtend<AdminOperation>();
  });

  it("types data and variables from the generated types", () => {
    // GIVEN an operation  THEN its data and variables are codegen's
    expectTypeOf<OperationData<VariantStock>>().toEqualTypeOf<BackorderPilotVariantStockQuery>();
    expectTypeOf<OperationData<TagOrder>>().toEqualTypeOf<BackorderPilotTagOrderMutation>();
    expectTypeOf<OperationVariables<TagOrder>>().toExtend<BackorderPilotTagOrderMutationVariables>();
    expectTypeOf<Awaited<ReturnType<typeof client.request<VariantStock>>>["data"]>().toEqualTypeOf<BackorderPilotVariantStockQuery>();
    expectTypeOf<NonNullable<Awaited<ReturnType<typeof send<ShopEmail>>>["data"]>>().toEqualTypeOf<BackorderPilotShopEmailQuery>();
  });

  it("refuses calls whose query or variables do not match a generated operation", () => {
    // Compile-time only: the function is type-checked, never called.
    const _calls = async () => {
      await client.request(VARIANT_STOCK, { variables: { ids: ["gid://shopify/ProductVariant/1"] }, estimatedCost: 1 });
      await client.request(TAG_ORDER, { variables: { id: "gid://shopify/Order/1", tags: ["backorder"] } });
      await send(graphql, SHOP_EMAIL);

      // @ts-expect-error a variable the document does not declare (e.g. renamed on one side only)
      await client.request(VARIANT_STOCK, { variables: { variantIds: ["gid://shopify/ProductVariant/1"] } });
      // @ts-expect-error a variable of the wrong type
      await client.request(TAG_ORDER, { variables: { id: 1, tags: ["backorder"] } });
      // @ts-expect-error required variables left out
      await client.request(VARIANT_STOCK);
      // @ts-expect-error a required variable missing
      await send(graphql, TAG_ORDER, { variables: { id: "gid://shopify/Order/1" } });
      // @ts-expect-error variables for an operation that declares none
      await send(graphql, SHOP_EMAIL, { variables: { first: 1 } });
      // @ts-expect-error a document codegen has not typed
      await client.request("query Untyped { shop { name } }");
      // @ts-expect-error a string built at run time
      await send(graphql, `query ${String("Built")} { shop { name } }`);

      const { data } = await client.request(VARIANT_STOCK, { variables: { ids: [] } });
      // @ts-expect-error a field the document does not select
      return data.nodes[0]?.product;
    };
    expectTypeOf(_calls).toBeFunction();
  });
});
