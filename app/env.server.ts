// process.env parsed once at boot: a missing or malformed variable fails loudly, naming the variable.
import { z } from "zod";
import { databaseUrl } from "./database-url";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SHOPIFY_API_KEY: z.string().min(1, "is required (the app's client id)"),
  SHOPIFY_API_SECRET: z.string().min(1, "is required (the app's client secret)"),
  SHOPIFY_APP_URL: z.string().url("must be the app's public https URL"),
  SCOPES: z.string().optional(),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  DATABASE_URL: z.string().min(1),
  /** Set only by the test suite; switches shopify.server.ts to the library's testConfig(). */
  SHOPIFY_TESTING: z.string().optional(),
  /** Set only by `npm run demo`: the local App Bridge stand-in script (a seam of the Shopify library). */
  APP_BRIDGE_URL: z.string().url().optional(),
  /** Set only by `npm run demo`: its local stand-in for Shopify's Inter stylesheet, so the demo never asks
   * cdn.shopify.com for it. Unset (production): Shopify's CDN, SHOPIFY_FONT_STYLESHEET_URL. */
  FONT_STYLESHEET_URL: z.string().url().optional(),
  /** Outgoing mail server, e.g. smtp://user:pass@host:587 (smtps:// for implicit TLS). Unset: emails stay in
   * the app's local mailbox (viewable in the admin) and never leave the server. */
  SMTP_URL: z
    .string()
    .url("must be a URL such as smtp://user:pass@host:587")
    .refine((value) => /^smtps?:\/\//i.test(value), "must start with smtp:// or smtps://")
    .optional(),
  /** Sender of customer emails: an address or `Name <address>`. Defaults to no-reply@<app host>. */
  MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, "must be an address or Name <address>")
    .optional(),
}).superRefine((value, ctx) => {
  // No seam may ever reach production: testConfig() uses public test secrets, and a stand-in App Bridge
  // or font stylesheet is not Shopify's. Refuse to boot rather than run with any of them.
  if (value.NODE_ENV !== "production") return;
  for (const name of ["SHOPIFY_TESTING", "APP_BRIDGE_URL", "FONT_STYLESHEET_URL"] as const) {
    if (value[name]) {
      ctx.addIssue({ code: "custom", path: [name], message: "must not be set when NODE_ENV=production" });
    }
  }
  // A real mail server needs a sender its domain authorizes (SPF/DKIM); the no-reply@<app host> default
  // would be rejected or land in spam, so production names it explicitly.
  if (value.SMTP_URL && !value.MAIL_FROM) {
    ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "is required with SMTP_URL when NODE_ENV=production" });
  }
});

export type Env = z.infer<typeof EnvSchema>;

/** The Inter stylesheet Shopify's admin uses and Polaris expects (what production pages link). */
export const SHOPIFY_FONT_STYLESHEET_URL = "https://cdn.shopify.com/static/fonts/inter/v4/styles.css";

/** The font stylesheet pages link: the demo's stand-in when it set one, else Shopify's CDN. */
export function fontStylesheetUrl(config: Pick<Env, "FONT_STYLESHEET_URL">): string {
  return config.FONT_STYLESHEET_URL ?? SHOPIFY_FONT_STYLESHEET_URL;
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  // An empty variable counts as unset (`FOO= npm start` is how shells unset things for one command).
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = EnvSchema.safeParse({ ...present, DATABASE_URL: databaseUrl(source) });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${problems.join("\n")}`);
  }
  return result.data;
}

export const env = parseEnv(process.env);
