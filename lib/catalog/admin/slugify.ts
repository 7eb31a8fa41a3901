import { MAX_SLUG_LENGTH } from '../../slug';

/** A slug suggested from a title: "Gobi Crew-Neck Sweater (Oat)" → "gobi-crew-neck-sweater-oat"; accents dropped, at most 120 characters. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '');
}
