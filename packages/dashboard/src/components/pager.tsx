interface PagerProps {
  page: number;
  /** Rows on this page; a full page means there may be another. */
  count: number;
  pageSize: number;
  onPage(page: number): void;
}

/**
 * Previous/next over server-side pages. The API gives no totals (counting
 * millions of rows per view would be slow), so "next" is offered whenever
 * this page is full.
 */
export function Pager({ page, count, pageSize, onPage }: PagerProps) {
  return (
    <div className="pager" role="group" aria-label="Pages">
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>← Previous</button>
      <span aria-live="polite">Page {page + 1}</span>
      <button type="button" disabled={count < pageSize} onClick={() => onPage(page + 1)}>Next →</button>
    </div>
  );
}
