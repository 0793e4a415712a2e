/** The one search box of the home page; what was typed lives in the URL (`?q=`), so back works. */
import { type FormEvent, useId, useState } from 'react';
import { useCustomersTranslation } from '#web/src/features/customers/i18n.ts';
import '#web/src/features/customers/customers.css';

export type SearchFormProps = {
  initialText: string;
  /** Message shown under the box (e.g. too short). */
  error?: string;
  onSearch: (text: string) => void;
};

export const SearchForm = ({ initialText, error, onSearch }: SearchFormProps) => {
  const { t } = useCustomersTranslation();
  const [text, setText] = useState(initialText);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <search>
      <form className="search-form" onSubmit={submit}>
        <label htmlFor={id} className="search-label">
          {t('search.label')}
        </label>
        <p className="field-hint" id={`${id}-hint`}>
          {t('search.hint')}
        </p>
        <div className="search-row">
          <input
            id={id}
            type="search"
            name="q"
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
            aria-invalid={Boolean(error)}
          />
          <button type="submit" className="button button-primary">
            {t('search.submit')}
          </button>
        </div>
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </form>
    </search>
  );
};
