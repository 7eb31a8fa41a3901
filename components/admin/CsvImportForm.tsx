'use client';

import { useActionState } from 'react';
import { initialCsvImportState, type CsvImportReportView, type CsvImportState } from './csv-import-state';
import { TableScroll } from './TableScroll';

const count = (n: number) => n.toLocaleString('en');

function Summary({ report }: { report: CsvImportReportView }) {
  const parts = [
    report.createdCount ? `${count(report.createdCount)} new ${report.createdCount === 1 ? 'product' : 'products'}` : null,
    report.updatedCount ? `${count(report.updatedCount)} changed ${report.updatedCount === 1 ? 'product' : 'products'}` : null,
    report.stockChangeCount ? `${count(report.stockChangeCount)} stock ${report.stockChangeCount === 1 ? 'change' : 'changes'}` : null,
    report.unchanged ? `${count(report.unchanged)} unchanged` : null,
  ].filter(Boolean);
  const listed = report.created.length + report.updated.length + report.stockChanges.length;
  const total = report.createdCount + report.updatedCount + report.stockChangeCount;
  return (
    <>
      <p>{parts.length ? parts.join(', ') + '.' : 'The file has no products.'}</p>
      {report.created.length || report.updated.length || report.stockChanges.length ? (
        <ul className="import-changes">
          {report.created.map((h) => (
            <li key={`c-${h}`}>
              <span className="admin-status admin-status--active">New</span> {h}
            </li>
          ))}
          {report.updated.map((h) => (
            <li key={`u-${h}`}>
              <span className="admin-status">Changed</span> {h}
            </li>
          ))}
          {report.stockChanges.map((s) => (
            <li key={`s-${s.sku}`}>
              <span className="admin-status">Stock</span> {s.sku}: {s.from} → {s.to}
            </li>
          ))}
        </ul>
      ) : null}
      {total > listed ? <p className="muted small">The list shows the first changes of each kind; {count(total - listed)} more are not listed.</p> : null}
      {report.ignoredColumns.length ? <p className="muted">Ignored columns: {report.ignoredColumns.join(', ')}.</p> : null}
    </>
  );
}

function Outcome({ state }: { state: CsvImportState }) {
  const r = state.report;
  if (state.message)
    return (
      <p className="form-outcome form-outcome--problem" role="alert">
        {state.message}
      </p>
    );
  if (!r) return null;
  if (r.problemCount)
    return (
      <div className="import-report">
        <p className="form-outcome form-outcome--problem" role="alert">
          {r.problemCount === 1 ? '1 problem' : `${count(r.problemCount)} problems`} in the file. Nothing was imported: correct{' '}
          {r.problemCount === 1 ? 'it' : 'them'} and check the file again.
        </p>
        {r.problemCount > r.problems.length ? <p className="muted small">The table lists the first {count(r.problems.length)}, in row order.</p> : null}
        <TableScroll label="Problems in the file">
          <table className="admin-table">
            <caption className="visually-hidden">Problems in the file, by row</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {r.problems.map((p, i) => (
                <tr key={i}>
                  <td>{p.row ?? '—'}</td>
                  <td>{p.column ?? '—'}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
    );
  return (
    <div className="import-report">
      <p className="form-outcome" role="status">
        {r.applied
          ? 'Imported. The storefront shows the changes now.'
          : `${state.checked?.name ?? 'The file'} is ready to import. Nothing has been written yet.`}
      </p>
      <Summary report={r} />
    </div>
  );
}

/** The catalog import: check a file (a dry run that lists every row's problems), then import it, all or nothing. Works without JavaScript. */
export function CsvImportForm({ action }: { action: (prev: CsvImportState, form: FormData) => Promise<CsvImportState> }) {
  const [state, formAction, pending] = useActionState(action, initialCsvImportState);
  return (
    <div className="admin-form">
      <div aria-live="polite" className="admin-form__outcome">
        <Outcome state={state} />
      </div>
      {state.checked ? (
        <form action={formAction} className="import-confirm">
          <input type="hidden" name="checked" value={state.checked.key} />
          <button type="submit" name="intent" value="import" className="button button--primary" disabled={pending}>
            Import {state.checked.name}
          </button>
        </form>
      ) : null}
      <form action={formAction} className="admin-form__fields" key={state.attempt}>
        <div className="form-field">
          <label htmlFor="csv-file">{state.checked ? 'Or choose another file' : 'CSV file'}</label>
          <input id="csv-file" name="file" type="file" accept=".csv,text/csv" aria-describedby="csv-file-hint" />
          <p id="csv-file-hint" className="muted small">
            Up to 12 MB and 40,000 rows (about 13,000 products), saved as CSV UTF-8. Products are matched by Handle, variants by SKU.
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" name="intent" value="check" className={`button ${state.checked ? '' : 'button--primary'}`} disabled={pending}>
            Check the file
          </button>
          <button type="submit" name="intent" value="import" className="button" disabled={pending}>
            Import without checking first
          </button>
        </div>
        {pending ? (
          <p className="muted" role="status">
            Reading the file…
          </p>
        ) : null}
      </form>
    </div>
  );
}
