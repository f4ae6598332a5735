// The app's public URL, where customer-account and checkout extensions send their requests (they run on
// Shopify's origin: a relative path would not reach the app). Shopify gives extensions no way to read it at
// run time, so it is written here; tests/extensions/customer-app-url.test.ts fails when it differs from
// `application_url` in shopify.app.toml. Change both when the app moves.
export const APP_URL = "https://backorder-pilot.example.com";
