// The Settings section for feedback after delivery: on/off, the delay after fulfillment, and the two
// questions in each language the survey email and page are written in. Errors sit next to their field.
import { Card, Checkbox, FormLayout, Layout, TextField } from "@shopify/polaris";
import { FEEDBACK_LOCALES } from "~/domain/feedback";
import type { FeedbackState, SectionProps } from "./form-state";

export function FeedbackSection({
  form,
  errors,
  text,
  limits,
  updateFeedback,
}: Omit<SectionProps, "update"> & { updateFeedback: (patch: Partial<FeedbackState>) => void }) {
  const f = form.feedback;
  const bounds = limits.feedback;
  const error = (field: string) => errors[`feedback.${field}`];
  return (
    <Layout.AnnotatedSection title={text["settings.feedback.title"]} description={text["settings.feedback.description"]}>
      <Card>
        <FormLayout>
          <Checkbox
            id="feedback.enabled"
            name="feedback.enabled"
            value="true"
            label={text["settings.feedback.enabled.label"]}
            helpText={text["settings.feedback.enabled.help"]}
            checked={f.enabled}
            onChange={(checked) => updateFeedback({ enabled: checked })}
          />
          <TextField
            label={text["settings.feedback.delayDays.label"]}
            name="feedback.delayDays"
            type="number"
            min={bounds.delayDays.min}
            max={bounds.delayDays.max}
            step={1}
            suffix={text["settings.days"]}
            value={f.delayDays}
            onChange={(v) => updateFeedback({ delayDays: v })}
            error={error("delayDays")}
            autoComplete="off"
          />
          {FEEDBACK_LOCALES.map((locale) =>
            (["wait", "date"] as const).map((question) => {
              const key = `${locale}.${question}` as const;
              return (
                <TextField
                  key={key}
                  label={text[`settings.feedback.question.${question}.${locale}`]}
                  name={`feedback.questions.${key}`}
                  value={f.questions[locale][question]}
                  onChange={(v) => updateFeedback({ questions: { ...f.questions, [locale]: { ...f.questions[locale], [question]: v } } })}
                  maxLength={bounds.questionLength.max}
                  showCharacterCount
                  error={error(`questions.${key}`)}
                  autoComplete="off"
                />
              );
            }),
          )}
        </FormLayout>
      </Card>
    </Layout.AnnotatedSection>
  );
}
