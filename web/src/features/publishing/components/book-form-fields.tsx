// The book form's fields: what readers see (title, subtitle, description), the facts (language,
// ISBN, pages, format), the price, and the categories. Fields filled from the manuscript say so.
import { type ReactNode, useId } from 'react';
import { FieldShell, controlClasses, invalidClasses } from '@/components/ui/field-shell';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { formatLanguage } from '@/utils/catalog-format';
import { cn } from '@/utils/cn';
import type { BookField, BookFormValues } from '../schema';
import { CategoryPicker } from './category-picker';

export const LANGUAGES = [
  'en',
  'en-US',
  'en-GB',
  'es',
  'fr',
  'de',
  'it',
  'pt',
  'pt-BR',
  'nl',
  'sv',
  'pl',
  'ru',
  'uk',
  'tr',
  'ar',
  'hi',
  'ja',
  'ko',
  'zh',
];
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'BRL', 'INR'];

type BookFormFieldsProps = {
  values: BookFormValues;
  onChange: <K extends BookField>(field: K, value: BookFormValues[K]) => void;
  errors: Partial<Record<string, string>>;
  /** Fields filled from the manuscript since the page opened. */
  prefilled: ReadonlySet<BookField>;
  suggestedCategories: number[];
};

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <section className="flex flex-col gap-5 border-t border-line pt-6 first:border-t-0 first:pt-0">
      <div>
        <h2 className="font-display text-xl text-ink">{title}</h2>
        {description && <p className="mt-1 text-sm text-ink-muted">{description}</p>}
      </div>
      {children}
    </section>
  );
}

function FromEpub({ shown }: { shown: boolean }) {
  if (!shown) return null;
  return (
    <span className="rounded-full bg-accent/15 px-2 py-0.5 text-[0.65rem] font-semibold tracking-wide text-accent uppercase">
      From EPUB
    </span>
  );
}

export function BookFormFields({
  values,
  onChange,
  errors,
  prefilled,
  suggestedCategories,
}: BookFormFieldsProps) {
  const languages =
    LANGUAGES.includes(values.language) || !values.language
      ? LANGUAGES
      : [values.language, ...LANGUAGES];
  const mark = (field: BookField) => <FromEpub shown={prefilled.has(field)} />;
  const formatErrorId = useId();

  return (
    <div className="flex flex-col gap-8">
      <Section title="What readers see">
        <TextField
          label="Title"
          labelAside={mark('title')}
          name="title"
          required
          maxLength={500}
          value={values.title}
          error={errors.title}
          onChange={(e) => onChange('title', e.target.value)}
        />
        <TextField
          label="Subtitle"
          labelAside={mark('subtitle')}
          name="subtitle"
          maxLength={500}
          value={values.subtitle}
          error={errors.subtitle}
          onChange={(e) => onChange('subtitle', e.target.value)}
        />
        <TextareaField
          label="Description"
          labelAside={mark('description')}
          name="description"
          rows={7}
          maxLength={20000}
          value={values.description}
          error={errors.description}
          hint="Shown on the book's page. Blank lines start new paragraphs."
          onChange={(e) => onChange('description', e.target.value)}
        />
      </Section>

      <Section title="Price and format">
        <div className="grid gap-5 sm:grid-cols-2">
          <FieldShell
            label="Price"
            // The currency has no field of its own: its error shows here, under both controls.
            error={errors.price_cents ?? errors.currency}
            hint="0 makes the book free."
          >
            {(control) => (
              <div className="flex gap-2">
                <input
                  {...control}
                  name="price"
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder="4.99"
                  value={values.price}
                  onChange={(e) => onChange('price', e.target.value)}
                  className={`${controlClasses} h-11 min-w-0 flex-1 tabular-nums ${invalidClasses(Boolean(errors.price_cents))}`}
                />
                <select
                  aria-label="Currency"
                  value={values.currency}
                  onChange={(e) => onChange('currency', e.target.value)}
                  className={`${controlClasses} h-11 max-w-24 shrink-0 ${invalidClasses(Boolean(errors.currency))}`}
                >
                  {(CURRENCIES.includes(values.currency)
                    ? CURRENCIES
                    : [values.currency, ...CURRENCIES]
                  ).map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              </div>
            )}
          </FieldShell>
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1.5 flex items-center gap-2 text-sm font-medium text-ink">
              Format {mark('format')}
            </legend>
            <div className="flex gap-2">
              {(['epub', 'pdf'] as const).map((format) => (
                <label
                  key={format}
                  className={cn(
                    // The radio itself is hidden: its label shows the keyboard focus instead.
                    'flex h-11 flex-1 cursor-pointer items-center justify-center gap-2 rounded-xl border text-sm font-medium transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent',
                    values.format === format
                      ? 'border-accent bg-accent/10 text-ink'
                      : 'border-line text-ink-muted hover:border-ink-muted/40',
                  )}
                >
                  <input
                    type="radio"
                    name="format"
                    value={format}
                    checked={values.format === format}
                    onChange={() => onChange('format', format)}
                    aria-describedby={errors.format ? formatErrorId : undefined}
                    aria-invalid={errors.format ? true : undefined}
                    className="sr-only"
                  />
                  {format === 'epub' ? 'EPUB' : 'PDF'}
                </label>
              ))}
            </div>
            {errors.format && (
              <p id={formatErrorId} role="alert" className="text-sm text-negative">
                {errors.format}
              </p>
            )}
          </fieldset>
        </div>
      </Section>

      <Section title="Details">
        <div className="grid gap-5 sm:grid-cols-3">
          <FieldShell label="Language" labelAside={mark('language')} error={errors.language}>
            {(control) => (
              <select
                {...control}
                name="language"
                value={values.language}
                onChange={(e) => onChange('language', e.target.value)}
                className={`${controlClasses} h-11 ${invalidClasses(Boolean(errors.language))}`}
              >
                {languages.map((code) => (
                  <option key={code} value={code}>
                    {formatLanguage(code)}
                  </option>
                ))}
              </select>
            )}
          </FieldShell>
          <TextField
            label="ISBN"
            labelAside={mark('isbn')}
            name="isbn"
            inputMode="numeric"
            autoComplete="off"
            placeholder="978-…"
            value={values.isbn}
            error={errors.isbn}
            onChange={(e) => onChange('isbn', e.target.value)}
          />
          <TextField
            label="Pages"
            labelAside={mark('pageCount')}
            name="page_count"
            inputMode="numeric"
            autoComplete="off"
            value={values.pageCount}
            error={errors.page_count}
            onChange={(e) => onChange('pageCount', e.target.value)}
          />
        </div>
      </Section>

      <Section
        title="Categories"
        description="Where the book appears when readers browse by genre."
      >
        <CategoryPicker
          value={values.categoryIds}
          onChange={(ids) => onChange('categoryIds', ids)}
          error={errors.category_ids}
          suggested={suggestedCategories}
        />
      </Section>
    </div>
  );
}
