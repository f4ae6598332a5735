// The deposits and balances card as the server renders it: the three figures, one table row per expected week
// (undated balances last), in English and French.
import { renderToString } from "react-dom/server";
import { MemoryRouter } from "react-router-dom";
import { AppProvider } from "@shopify/polaris";
import polarisEn from "@shopify/polaris/locales/en.json";
import { describe, expect, it } from "vitest";
import { adminMessages } from "~/i18n/admin";
import { AdminI18nProvider } from "~/i18n/react";
import { CashFlowTable } from "./CashFlowTable";

type Props = Parameters<typeof CashFlowTable>[0];
const period = { key: "30", days: 30, firstDay: "2026-11-03", lastDay: "2026-12-02", problem: null } as Props["period"];

function render(cashFlow: Props["cashFlow"], locale: "en" | "fr" = "en") {
  return renderToString(
    <MemoryRouter>
      <AppProvider i18n={polarisEn}>
        <AdminI18nProvider locale={locale} messages={adminMessages(locale)}>
          <CashFlowTable cashFlow={cashFlow} period={period} />
        </AdminI18nProvider>
      </AppProvider>
    </MemoryRouter>,
  );
}

const cashFlow: Props["cashFlow"] = {
  deposits: [{ currency: "EUR", amountMinor: 5700 }],
  depositOrders: 5,
  collected: [{ currency: "EUR", amountMinor: 6000 }],
  due: [{ currency: "EUR", amountMinor: 17_500 }],
  dueOrders: 4,
  currency: "EUR",
  weeks: [
    { weekOf: "2026-11-30", orders: 2, amountMinor: 6500 },
    { weekOf: null, orders: 1, amountMinor: 11_000 },
  ],
};

describe("CashFlowTable", () => {
  it("shows deposits, collections and what is due, then the balances expected week by week", () => {
    // GIVEN 57.00 taken in deposits, 60.00 collected, 175.00 due, two weeks of forecast
    const html = render(cashFlow);
    // THEN the figures, the table's headings and its rows are there, with the export
    expect(html).toContain("Deposits taken");
    expect(html).toContain("€57.00");
    expect(html).toContain("€60.00");
    expect(html).toContain("€175.00");
    expect(html).toMatch(/<th[^>]*>.*Week of/);
    expect(html).toContain("€65.00");
    expect(html).toContain("No date yet");
    expect(html).toContain("Export the balances forecast as CSV");
  });

  it("speaks French", () => {
    const html = render(cashFlow, "fr");
    expect(html).toContain("Acomptes encaissés");
    expect(html).toContain("65,00 €");
    expect(html).toContain("Pas encore de date");
  });

  it("says when nothing is due, without a table", () => {
    const html = render({ ...cashFlow, due: [], dueOrders: 0, currency: null, weeks: [] });
    expect(html).toContain("No balance is waiting to be collected.");
    expect(html).not.toContain("<table");
  });
});
