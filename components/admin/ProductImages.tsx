import { AdminForm, type AdminFormProps } from './AdminForm';

type Action = AdminFormProps['action'];

export interface ProductImageItem {
  id: string;
  path: string;
  alt: string;
  width: number;
  height: number;
}

const UPLOAD_ERRORS: Record<string, string> = {
  added: 'Image added.',
  'too-large': 'That file is over 10 MB. Choose a smaller image.',
  'not-image': 'That file is not a JPEG, PNG, WebP or AVIF image (an SVG is not accepted either).',
  'alt-missing': 'Describe the image for people who cannot see it (alt text), then upload it again.',
  'not-found': 'That product no longer exists.',
};

/** The product's images: upload (a plain multipart form to a route handler), alt text, order, removal. */
export function ProductImages(props: {
  productId: string;
  images: ProductImageItem[];
  outcome: string | null;
  altAction: Action;
  moveAction: Action;
  removeAction: Action;
}) {
  const outcome = props.outcome && UPLOAD_ERRORS[props.outcome] ? props.outcome : null;
  return (
    <section className="admin-card" id="images" aria-labelledby="images-heading">
      <h2 id="images-heading">Images</h2>
      {outcome ? (
        <p className={outcome === 'added' ? 'form-outcome' : 'form-outcome form-outcome--problem'} role={outcome === 'added' ? 'status' : 'alert'}>
          {UPLOAD_ERRORS[outcome]}
        </p>
      ) : null}
      <ol className="admin-images">
        {props.images.map((img, i) => (
          <li key={img.id} className="admin-image">
            {/* eslint-disable-next-line @next/next/no-img-element -- a small staff thumbnail of the stored file, not a shopper page */}
            <img src={img.path} alt={img.alt} width={96} height={Math.round((96 * img.height) / img.width)} />
            <AdminForm
              inline
              action={props.altAction}
              hidden={{ imageId: img.id, productId: props.productId }}
              submitLabel={`Save alt text of image ${i + 1}`}
              fields={[{ name: 'alt', label: `Alt text of image ${i + 1}`, defaultValue: img.alt }]}
            />
            <div className="admin-image__actions">
              {i > 0 ? (
                <AdminForm
                  inline
                  action={props.moveAction}
                  hidden={{ imageId: img.id, direction: 'up', productId: props.productId }}
                  submitLabel={`Move image ${i + 1} earlier`}
                  fields={[]}
                />
              ) : null}
              {i < props.images.length - 1 ? (
                <AdminForm
                  inline
                  action={props.moveAction}
                  hidden={{ imageId: img.id, direction: 'down', productId: props.productId }}
                  submitLabel={`Move image ${i + 1} later`}
                  fields={[]}
                />
              ) : null}
              <AdminForm
                inline
                danger
                action={props.removeAction}
                hidden={{ imageId: img.id, productId: props.productId }}
                submitLabel={`Remove image ${i + 1}`}
                confirm="Remove this image from the product?"
                fields={[]}
              />
            </div>
          </li>
        ))}
      </ol>
      <form method="post" action={`/admin/products/${props.productId}/images`} encType="multipart/form-data" className="admin-form admin-form__fields">
        <div className="form-field">
          <label htmlFor="image-file">Image file</label>
          <input id="image-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif" required aria-describedby="image-file-hint" />
          <p id="image-file-hint" className="muted small">
            JPEG, PNG, WebP or AVIF, up to 10 MB. It is stored as WebP, at most 1600×2000.
          </p>
        </div>
        <div className="form-field">
          <label htmlFor="image-alt">Alt text</label>
          <input id="image-alt" name="alt" required maxLength={200} aria-describedby="image-alt-hint" />
          <p id="image-alt-hint" className="muted small">
            What the picture shows, for people who cannot see it.
          </p>
        </div>
        <button type="submit" className="button button--primary">
          Upload image
        </button>
      </form>
    </section>
  );
}
