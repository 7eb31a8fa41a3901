import Link from 'next/link';
import { ProductForm } from '@/components/admin/ProductForm';
import { requireStaff } from '@/lib/auth/server';
import { createProductAction } from '../actions';
import { productFormOptions } from '../options';

export const metadata = { title: 'New product' };

export default async function NewProductPage() {
  await requireStaff('manageCatalog', '/admin/products/new');
  const options = await productFormOptions();
  return (
    <section>
      <p>
        <Link href="/admin/products">← Products</Link>
      </p>
      <h1>New product</h1>
      <ProductForm
        action={createProductAction}
        initial={{ status: 'draft', material: 'cashmere', isWool: 'on' }}
        variantRows={0}
        stockByRow={{}}
        submitLabel="Create product"
        isNew
        {...options}
      />
    </section>
  );
}
