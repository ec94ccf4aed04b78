import { ApiError } from '../../api/api-error';

interface Issue {
  field?: string;
  path?: string;
  message?: string;
}

/** The field-by-field reasons a 400 gives in details.issues, when it gives them. */
export function IssueList({ error }: { error: Error | undefined }) {
  if (!(error instanceof ApiError)) return null;
  const issues = (error.details?.issues ?? []) as Issue[];
  if (!Array.isArray(issues) || issues.length === 0) return null;
  return (
    <ul className="issues">
      {issues.map((i, n) => <li key={n}><code>{i.field ?? i.path ?? ''}</code> {i.message}</li>)}
    </ul>
  );
}
