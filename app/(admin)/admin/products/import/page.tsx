import Link from 'next/link';
import { CsvImportForm } from '@/components/admin/CsvImportForm';
import { requireStaff } from '@/lib/auth/server';
import { importCsvAction } from '../import-actions';

export const metadata = { title: 'Import products' };

export default async function ImportProductsPage() {
  await requireStaff('manageCatalog', '/admin/products/import');
  return (
    <section className="admin-prose">
      <p>
        <Link href="/admin/products">← Products</Link>
      </p>
      <h1>Import products</h1>
      <p>
        Start from an{' '}
        <a href="/admin/products/export" download>
          export of the catalog
        </a>
        , change it in a spreadsheet and bring it back. Products are matched by their Handle and variants by their SKU: new ones are added, changed ones
        updated, and nothing is deleted. A number in Variant Inventory Qty sets the stock (kept in the stock history); left blank, stock stays as it is. Images
        are managed on each product&apos;s page.
      </p>
      <p>Check the file first: every problem is listed by row before anything is written, and an import is all or nothing.</p>
      <CsvImportForm action={importCsvAction} />
    </section>
  );
}
