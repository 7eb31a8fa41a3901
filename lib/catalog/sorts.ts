/**
 * The catalog's sort orders and their labels. Its own file, free of zod, because the sort menu
 * (a client component) needs the labels; parsing the URL stays in filters.ts, on the server.
 */
export const SORTS = {
  featured: 'Featured',
  newest: 'Newest',
  'price-asc': 'Price: low to high',
  'price-desc': 'Price: high to low',
} as const;
export type Sort = keyof typeof SORTS;
