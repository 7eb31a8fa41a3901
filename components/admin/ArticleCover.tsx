const OUTCOMES: Record<string, string> = {
  added: 'Cover saved. The journal shows it now.',
  'too-large': 'That file is over 10 MB. Choose a smaller image.',
  'not-image': 'That file is not a JPEG, PNG, WebP or AVIF image (an SVG is not accepted either).',
  'alt-missing': 'Describe the cover for people who cannot see it (alt text), then upload it again.',
  'not-found': 'That article no longer exists.',
};

/** An article's cover: the current one, and an upload (a plain multipart form to a route handler, so it works without JavaScript). */
export function ArticleCover(props: { articleId: string; coverPath: string; coverAlt: string; outcome: string | null }) {
  const outcome = props.outcome && OUTCOMES[props.outcome] ? props.outcome : null;
  return (
    <section className="admin-card" id="cover" aria-labelledby="cover-heading">
      <h2 id="cover-heading">Cover</h2>
      {outcome ? (
        <p className={outcome === 'added' ? 'form-outcome' : 'form-outcome form-outcome--problem'} role={outcome === 'added' ? 'status' : 'alert'}>
          {OUTCOMES[outcome]}
        </p>
      ) : null}
      {props.coverPath ? (
        // eslint-disable-next-line @next/next/no-img-element -- a small staff thumbnail of the stored file, not a shopper page
        <img className="admin-cover" src={props.coverPath} alt={props.coverAlt} width={320} height={180} />
      ) : (
        <p className="muted">No cover yet. Every article in the journal has one: add it before publishing.</p>
      )}
      <form method="post" action={`/admin/articles/${props.articleId}/cover`} encType="multipart/form-data" className="admin-form admin-form__fields">
        <div className="form-field">
          <label htmlFor="cover-file">{props.coverPath ? 'New cover image' : 'Cover image'}</label>
          <input id="cover-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif" required aria-describedby="cover-file-hint" />
          <p id="cover-file-hint" className="muted small">
            JPEG, PNG, WebP or AVIF, up to 10 MB. It is cropped to 16:9 and stored as WebP, 1600×900.
          </p>
        </div>
        <div className="form-field">
          <label htmlFor="cover-alt">Alt text of the uploaded cover</label>
          <input id="cover-alt" name="alt" required maxLength={200} aria-describedby="cover-alt-hint" />
          <p id="cover-alt-hint" className="muted small">
            What the picture shows, for people who cannot see it.
          </p>
        </div>
        <button type="submit" className="button button--primary">
          Upload cover
        </button>
      </form>
    </section>
  );
}
