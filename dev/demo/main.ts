// `npm run demo [-- --port 3000]`: the app without a Shopify account. See dev/demo/server.ts.
import { startDemo } from "./server";

const portFlag = process.argv.indexOf("--port");
const requested = portFlag > -1 ? process.argv[portFlag + 1] : process.env.PORT;
const port = requested === undefined ? undefined : Number(requested);

const demo = await startDemo({ port, databaseFile: process.env.DEMO_DATABASE_FILE });
console.log(
  [
    "",
    "Backorder Pilot demo is running.",
    "",
    `  Admin (embedded app): ${demo.adminUrl}`,
    `  Storefront preview (theme app extension): ${demo.url}/__demo/storefront`,
    `  Webhook simulator (orders, stock arrivals): ${demo.url}/__demo/simulate`,
    `  Admin UI extensions (order and product pages): ${demo.url}/__demo/admin-extensions`,
    `  Customer UI extensions (customer account, thank-you page): ${demo.url}/__demo/customer-extensions`,
    "",
  ].join("\n"),
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void demo.close().finally(() => process.exit(0));
  });
}
