import Link from 'next/link';
import { AdminForm } from '@/components/admin/AdminForm';
import { ProductForm } from '@/components/admin/ProductForm';
import { ProductImages } from '@/components/admin/ProductImages';
import { NotFoundMessage } from '@/components/layout/NotFoundMessage';
import { requireStaff } from '@/lib/auth/server';
import { productForEdit } from '@/lib/catalog/admin/save-product';
import { db } from '@/lib/db';
import { adjustStockAction, updateProductAction } from '../actions';
import { imageAltAction, moveImageAction, removeImageAction } from '../image-actions';
import { productFormOptions } from '../options';
import { formatMajorUnits } from '@/lib/money';

export const metadata = { title: 'Edit product' };

const cents = (n: number | null) => (n === null ? '' : formatMajorUnits(n));
const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function EditProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const actor = await requireStaff('manageCatalog', `/admin/products/${encodeURIComponent(id)}`);
  const product = /^c[a-z0-9]{20,32}$/.test(id) ? await productForEdit(db(), actor, id) : null;
  if (!product) return <NotFoundMessage />;
  const search = await searchParams;
  const saved = search.saved === '1';
  const imageOutcome = typeof search.image === 'string' ? search.image : null;
  const options = await productFormOptions();
  const initial: Record<string, string> = {
    title: product.title,
    slug: product.slug,
    description: product.description,
    material: product.material,
    isWool: product.isWool ? 'on' : '',
    origin: product.origin,
    care: product.care,
    status: product.status,
    updatedAt: product.updatedAt.toISOString(),
    collections: product.collections.map((c) => c.collection.slug).join(','),
  };
  product.variants.forEach((v, i) => {
    Object.assign(initial, {
      [`variants.${i}.id`]: v.id,
      [`variants.${i}.sku`]: v.sku,
      [`variants.${i}.size`]: v.size,
      [`variants.${i}.colour`]: v.colour,
      [`variants.${i}.price`]: cents(v.priceCents),
      [`variants.${i}.compareAt`]: cents(v.compareAtCents),
    });
  });
  return (
    <section>
      <p>
        <Link href="/admin/products">← Products</Link>
        {product.status === 'active' ? (
          <>
            {' · '}
            <Link href={`/products/${product.slug}`}>View in the shop</Link>
          </>
        ) : null}
      </p>
      <h1>{product.title}</h1>
      {saved ? (
        <p className="form-outcome" role="status">
          Saved. The shop shows the change now.
        </p>
      ) : null}
      <ProductForm
        action={updateProductAction}
        hidden={{ productId: product.id }}
        initial={initial}
        variantRows={product.variants.length}
        stockByRow={Object.fromEntries(product.variants.map((v, i) => [i, v.stock]))}
        submitLabel="Save product"
        isNew={false}
        {...options}
      />
      <ProductImages
        productId={product.id}
        images={product.images.map((i) => ({ id: i.id, path: i.path, alt: i.alt, width: i.width, height: i.height }))}
        outcome={imageOutcome}
        altAction={imageAltAction}
        moveAction={moveImageAction}
        removeAction={removeImageAction}
      />
      <section className="admin-card">
        <h2>Stock</h2>
        <p className="muted">Add units (a delivery) or take them away (damage, a count) with a reason; every change is kept below.</p>
        {product.variants.map((v) => (
          <div key={v.id} className="admin-stock">
            <h3>
              {v.sku} · {v.size} · {v.colour}: {v.stock} in stock
            </h3>
            <AdminForm
              inline
              action={adjustStockAction}
              hidden={{ variantId: v.id }}
              submitLabel={`Adjust stock of ${v.sku}`}
              fields={[
                { name: 'delta', label: `Change for ${v.sku} (e.g. 5 or -2)`, inputMode: 'numeric' },
                { name: 'reason', label: `Reason for ${v.sku}` },
              ]}
            />
            {v.stockChanges.length ? (
              <ul className="small muted">
                {v.stockChanges.map((c) => (
                  <li key={c.id}>
                    {when.format(c.createdAt)} UTC: {c.delta > 0 ? `+${c.delta}` : c.delta} → {c.stockAfter} · {c.reason}
                    {c.actor ? ` · ${c.actor.email}` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ))}
      </section>
    </section>
  );
}
