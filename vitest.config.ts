// Unit and integration tests, and the UI extensions' tests. E2E (Chromium) tests have their own config:
// vitest.e2e.config.ts.
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  test: {
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        plugins: [tsconfigPaths()],
        test: {
          name: "app",
          include: ["app/**/*.test.{ts,tsx}", "tests/**/*.test.{ts,tsx}", "dev/**/*.test.ts"],
          exclude: ["tests/e2e/**", "tests/extensions/**", "node_modules/**"],
          setupFiles: ["tests/setup/vitest.setup.ts"],
          environment: "node",
          pool: "forks",
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The UI extensions (extensions/*/src) rendered by Shopify's @shopify/ui-extensions-tester: a jsdom
        // document, a mock `shopify` global per target, Preact's JSX. The tester is inlined so that its
        // `import()` of the extension's module (a .tsx named in shopify.extension.toml) goes through Vite;
        // left to Node, it fails with "Unknown file extension .tsx".
        esbuild: { jsx: "automatic", jsxImportSource: "preact" },
        test: {
          name: "extensions",
          include: ["tests/extensions/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          pool: "forks",
          testTimeout: 20_000,
          server: { deps: { inline: ["@shopify/ui-extensions-tester"] } },
        },
      },
    ],
  },
});
