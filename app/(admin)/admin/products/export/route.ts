import { staffOrResponse } from '@/lib/auth/server';
import { exportCatalogCsv } from '@/lib/catalog/admin/csv-export';
import { shopConfig } from '@/lib/config';
import { db } from '@/lib/db';
import { methodNotAllowed } from '@/lib/http/methods';

/** The whole catalog as a CSV download (csv-columns.ts), for a spreadsheet or a later import. */
export async function GET() {
  const actor = await staffOrResponse('manageCatalog');
  if (actor instanceof Response) return actor;
  const body = await exportCatalogCsv(db(), actor, shopConfig().SITE_URL);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="products-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
}

const refuse = methodNotAllowed('GET');
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
