// The satisfaction section as the server renders it: the bars are an image named by their numbers, the same
// numbers sit in a table with column headers, and each comment links to its order in the support desk.
import { renderToString } from "react-dom/server";
import { AppProvider } from "@shopify/polaris";
import polarisEn from "@shopify/polaris/locales/en.json";
import { describe, expect, it } from "vitest";
import { satisfactionSummary } from "~/domain/feedback";
import { adminMessages } from "~/i18n/admin";
import { AdminI18nProvider } from "~/i18n/react";
import { SatisfactionSection } from "./SatisfactionSection";

function render(satisfaction: Parameters<typeof SatisfactionSection>[0]["satisfaction"]) {
  return renderToString(
    <AppProvider i18n={polarisEn}>
      <AdminI18nProvider locale="en" messages={adminMessages("en")}>
        <SatisfactionSection satisfaction={satisfaction} />
      </AdminI18nProvider>
    </AppProvider>,
  );
}

describe("SatisfactionSection", () => {
  it("draws answers as labelled bars with a table of the same numbers and links the latest answers to the support desk", () => {
    // GIVEN two answers (5 after 3 days on time, 2 after 40 days late) and one comment
    const summary = satisfactionSummary([
      { score: 5, waitDays: 3, delayed: false, dateAccurate: true },
      { score: 2, waitDays: 40, delayed: true, dateAccurate: false },
    ]);
    const html = render({
      ...summary,
      latest: [{ orderName: "#1016", path: "/app/support/1016", score: 2, comment: "Two weeks late.", delayed: true, waitDays: 40, answeredAt: "2026-11-30T09:00:00.000Z" }],
    });
    // THEN the average, the bars' names, the table's headers and rows, and the comment's link are there
    expect(html).toContain("Average score 3.5 / 5 from 2 answers");
    expect(html).toContain('role="img" aria-label="Up to 7 days: average 5.0 out of 5, 1 answer;');
    expect(html).toContain("Late: average 2.0 out of 5, 1 answer");
    expect(html).toMatch(/<th[^>]*>.*Average score/);
    expect(html).toContain('href="/app/support/1016"');
    expect(html).toContain("Two weeks late.");
  });

  it("says there are no answers yet, and draws no bars", () => {
    // GIVEN no answer in the period
    const html = render({ ...satisfactionSummary([]), latest: [] });
    // THEN the empty text shows and there is no chart nor table
    expect(html).toContain("No survey answers in this period yet.");
    expect(html).not.toContain('role="img"');
    expect(html).not.toContain("<table");
  });
});
