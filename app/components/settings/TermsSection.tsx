// The pre-purchase terms shown to shoppers in one language: payment, shipping and cancellation.
import { Card, FormLayout, Layout, TextField } from "@shopify/polaris";
import type { TermsField, TermsLocale } from "~/validation/settings";
import { TERMS_FIELDS, type SectionProps } from "./form-state";

export function TermsSection({
  locale,
  description,
  form,
  errors,
  text,
  limits,
  updateTerms,
}: Omit<SectionProps, "update"> & {
  locale: TermsLocale;
  description: string;
  updateTerms: (locale: TermsLocale, field: TermsField, value: string) => void;
}) {
  return (
    <Layout.AnnotatedSection title={text[`settings.terms.title.${locale}`]} description={description}>
      <Card>
        <FormLayout>
          {TERMS_FIELDS.map((field) => {
            const name = `terms.${locale}.${field}`;
            return (
              <TextField
                key={field}
                label={text[`settings.terms.${field}.label`]}
                name={name}
                multiline={3}
                maxLength={limits.maxTermsLength}
                showCharacterCount
                value={form.terms[locale][field]}
                onChange={(v) => updateTerms(locale, field, v)}
                helpText={text[`settings.terms.${field}.help`]}
                error={errors[name]}
                autoComplete="off"
              />
            );
          })}
        </FormLayout>
      </Card>
    </Layout.AnnotatedSection>
  );
}
