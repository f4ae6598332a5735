// Every admin action reads a form. A validly signed request whose body is JSON, empty or not a form is
// the client's mistake: a 400 with a message, never a 500 from request.formData().
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action as activityAction } from "~/routes/app.activity";
import { action as notificationsAction } from "~/routes/app.notifications._index";
import { action as emailAction } from "~/routes/app.notifications.emails.$id";
import { action as productAction } from "~/routes/app.products.$id";
import { action as productsAction } from "~/routes/app.products._index";
import { action as settingsAction } from "~/routes/app.settings";
import { seedDemoShop } from "../../dev/admin-fake";
import { callRoute } from "../helpers/routes";
import { embeddedFetchRequest } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";

let productNumber: string;

beforeEach(async () => {
  await prisma.shopSettings.deleteMany({});
  const fake = await installFakeShop();
  productNumber = seedDemoShop(fake.store).variants["MA-BTD"]!.productId.split("/").pop()!;
});

type Action = Parameters<typeof callRoute>[0];

const routes: [string, Action, () => string, Record<string, string>][] = [
  ["product page", productAction as Action, () => `/app/products/${productNumber}`, {}],
  ["products list (bulk actions)", productsAction as Action, () => "/app/products?index", {}],
  ["settings", settingsAction as Action, () => "/app/settings", {}],
  ["activity", activityAction as Action, () => "/app/activity", {}],
  ["notifications", notificationsAction as Action, () => "/app/notifications?index", {}],
  ["one outbox email", emailAction as Action, () => "/app/notifications/emails/some-id", { id: "some-id" }],
];

const bodies: [string, RequestInit][] = [
  ["a JSON body", { body: JSON.stringify({ intent: "save-variant", safetyMarginDays: 2 }), headers: { "Content-Type": "application/json" } }],
  ["an empty body", {}],
  ["a text body", { body: "intent=retry", headers: { "Content-Type": "text/plain" } }],
];

describe("admin actions posted something that is not a form", () => {
  for (const [routeName, action, path, params] of routes) {
    it.each(bodies)(`the ${routeName} answers 400 with a message for %s, and writes nothing`, async (_name, init) => {
      // GIVEN a validly signed admin request whose body is not a form
      const request = await embeddedFetchRequest(path(), { init: { method: "POST", ...init } });

      // WHEN the action runs
      const response = await callRoute(action, request, { id: productNumber, ...params });

      // THEN it is a 400 that says what to send, and nothing was stored
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, message: expect.stringContaining("form") });
      expect(await prisma.shopSettings.count()).toBe(0);
      expect(await prisma.backorderVariant.count()).toBe(0);
    });
  }
});
