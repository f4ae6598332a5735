// The support desk of a large merchant (issue 11): p50/p95 of the support queue's loader for each view,
// sort, filter, search and page, the order page, the outbox's recipient search and the "Where is my
// order?" lookup, on the admin benchmark's shop (dev/bench/admin-seed.ts: 100,000 owed lines, one order
// each) with its support desk (dev/bench/support-seed.ts: 100,000 support cases, eight suppliers).
// Target: loader p95 ≤ 100 ms. Runs in the admin benchmark's two processes (`pagesBench("support")`).
import { fmt } from "./lib";
import { pagesBench, type PageSpec, type SuiteContext } from "./admin.bench";
import { BENCH_SUPPLIERS, seedSupportDesk } from "./support-seed";

export function supportBench(): Promise<string[]> {
  return pagesBench("support");
}

const QUEUE = "routes/app.support._index";

/** Seeds the support desk, then the pages to measure (in the app process). */
export async function supportPages({ prisma, shop, dataRequest, seeded }: SuiteContext): Promise<{ info: string[]; pages: PageSpec[] }> {
  const start = performance.now();
  const { cases } = await seedSupportDesk(prisma, { shop });
  const info = [`info  support desk seeded in ${fmt(performance.now() - start)} ms: ${cases} support cases (one per order of ${seeded.lines} owed lines), ${BENCH_SUPPLIERS.length} suppliers`];
  const { appProxyRequest } = await import("../../tests/helpers/requests");

  const queue = (name: string, query: string): PageSpec => ({ name: `Support queue: ${name}`, path: `/app/support${query}`, route: QUEUE, document: false });
  const first = JSON.parse(await dataRequest("/app/support", QUEUE)) as { queue: { rows: { id: string; orderId: string; orderName: string; customerEmail: string }[] } };
  const rows = first.queue.rows;
  const deep = await prisma.supportCase.findMany({ where: { shop }, orderBy: [{ daysLate: "desc" }, { orderedAt: "asc" }, { id: "asc" }], skip: Math.floor(cases / 2), take: 1, select: { id: true } });
  const lastCase = await prisma.supportCase.findFirstOrThrow({ where: { shop }, orderBy: { orderName: "desc" }, select: { orderName: true, customerEmail: true, orderId: true } });
  const small = await prisma.backorderVariant.findFirstOrThrow({ where: { shop, variantId: { not: seeded.bigVariant.variantId } }, select: { productId: true } });
  const some = rows[0] as { orderId: string; orderName: string; customerEmail: string };
  const supplier = encodeURIComponent(BENCH_SUPPLIERS[3] as string);

  let ip = 0;
  const lookup = (order: string, email: string) => () => {
    ip++;
    const body = new URLSearchParams({ intent: "lookup", order, email });
    return appProxyRequest("/proxy/order-status", {
      shop,
      init: { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `198.18.${(ip >> 8) & 255}.${ip & 255}` }, body },
    });
  };

  const pages: PageSpec[] = [
    { ...queue("Open (page 1)", ""), document: true },
    queue("page 2", `?cursor=${rows.at(-1)?.id}`),
    queue(`a deep page (after ${Math.floor(cases / 2)} orders)`, `?cursor=${deep[0]?.id}`),
    queue("previous page from there", `?cursor=${deep[0]?.id}&before=1`),
    queue("Delayed", "?view=delayed"),
    queue("At risk", "?view=at_risk"),
    queue("Waiting on customer", "?view=waiting_customer"),
    queue("Resolved", "?view=resolved"),
    queue("Complaints", "?view=complaints"),
    queue("fewest days late first", "?sort=days_late_asc"),
    queue("oldest order first", "?sort=ordered_asc"),
    queue("status Ready (none)", "?state=ready"),
    queue("product with 10k orders", `?product=${encodeURIComponent(seeded.bigVariant.productId)}`),
    queue("product with 100 orders", `?product=${encodeURIComponent(small.productId)}`),
    queue("supplier", `?supplier=${supplier}`),
    queue("supplier + Delayed", `?view=delayed&supplier=${supplier}`),
    queue("promised in a past month (none)", "?from=2020-01-01&to=2020-01-31"),
    queue("promised after 2020 (all)", "?from=2020-01-01"),
    queue("search: one email", `?q=${encodeURIComponent(some.customerEmail)}`),
    queue("search: order number", `?q=${encodeURIComponent(lastCase.orderName)}`),
    queue("search: common word prefix (11k orders)", "?q=customer1"),
    queue("search: two common words", "?q=customer%20example.com"),
    queue("search: no match", "?q=nobody-at-all"),
    { name: "Support order page", path: `/app/support/${some.orderId.split("/").pop()}`, route: "routes/app.support.$orderId", document: true },
    { name: "Notifications: search one address", path: `/app/notifications?to=${encodeURIComponent("customer4321@example.com")}`, route: "routes/app.notifications._index", document: false },
    { name: "Notifications: search a prefix (1,111 addresses)", path: "/app/notifications?to=customer1", route: "routes/app.notifications._index", document: false },
    { name: "Notifications: failed, prefix", path: "/app/notifications?filter=failed&to=customer2", route: "routes/app.notifications._index", document: false },
    { name: "Where is my order: lookup found", path: "/apps/backorder/order-status", route: "routes/proxy.order-status", document: false, request: lookup(lastCase.orderName, lastCase.customerEmail ?? "") },
    { name: "Where is my order: not found", path: "/apps/backorder/order-status", route: "routes/proxy.order-status", document: false, request: lookup("#1", "nobody@example.com"), status: 404 },
  ];
  return { info, pages };
}
