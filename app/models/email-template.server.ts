// A shop's edited email templates (subject and body, Liquid). Built-in defaults live in code
// (app/notifications/templates.ts); a row exists only for what the merchant changed.
import type { Prisma } from "@prisma/client";
import prisma from "~/db.server";
import type { EmailKind, EmailLocale } from "~/notifications/kinds";

type Db = Prisma.TransactionClient;

const SELECT = { kind: true, locale: true, subject: true, body: true, updatedAt: true } as const;

export interface StoredTemplate {
  kind: string;
  locale: string;
  subject: string;
  body: string;
  updatedAt: Date;
}

export async function findEmailTemplate(
  { shop, kind, locale }: { shop: string; kind: EmailKind; locale: EmailLocale },
  db: Db = prisma,
): Promise<StoredTemplate | null> {
  return db.emailTemplate.findUnique({ where: { shop_kind_locale: { shop, kind, locale } }, select: SELECT });
}

/** (kind, locale) pairs the shop customized, for the editor's badges. */
export async function listEmailTemplates({ shop }: { shop: string }): Promise<StoredTemplate[]> {
  return prisma.emailTemplate.findMany({ where: { shop }, select: SELECT, orderBy: [{ kind: "asc" }, { locale: "asc" }] });
}

export async function saveEmailTemplate({
  shop,
  kind,
  locale,
  subject,
  body,
}: {
  shop: string;
  kind: EmailKind;
  locale: EmailLocale;
  subject: string;
  body: string;
}): Promise<StoredTemplate> {
  return prisma.emailTemplate.upsert({
    where: { shop_kind_locale: { shop, kind, locale } },
    create: { shop, kind, locale, subject, body },
    update: { subject, body },
    select: SELECT,
  });
}

/** Back to the built-in template. */
export async function deleteEmailTemplate({ shop, kind, locale }: { shop: string; kind: EmailKind; locale: EmailLocale }) {
  const { count } = await prisma.emailTemplate.deleteMany({ where: { shop, kind, locale } });
  return count > 0;
}
