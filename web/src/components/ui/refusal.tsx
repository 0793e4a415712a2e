/**
 * A page the user may not see: a plain sentence, a hint, and a way home. Nothing else shows, so a
 * refusal tells nothing about what was refused.
 */
import { Link } from 'react-router';
import { useDocumentTitle } from '#web/src/lib/document-title.ts';

export type RefusalProps = { title: string; hint: string; homeLabel: string };

export const Refusal = ({ title, hint, homeLabel }: RefusalProps) => {
  useDocumentTitle(title);
  return (
    <section className="card refusal" aria-labelledby="refusal-title">
      <h1 id="refusal-title">{title}</h1>
      <p className="muted">{hint}</p>
      <Link to="/" className="button button-secondary">
        {homeLabel}
      </Link>
    </section>
  );
};
