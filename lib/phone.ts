/** A tel: link for a phone number as people write it: "+1 (618) 724-5782" -> "tel:+16187245782". */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+\d]/g, '')}`;
}
