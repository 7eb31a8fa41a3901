/**
 * A route handler for the methods an address does not answer: 405 with the Allow header that
 * names the ones it does (Next's own 405 for a missing handler names none).
 *   const refuse = methodNotAllowed('GET, HEAD');
 *   export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
 */
export function methodNotAllowed(allow: string): () => Response {
  return () =>
    new Response(JSON.stringify({ error: `This address answers ${allow} requests only.` }), {
      status: 405,
      headers: { allow, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });
}
