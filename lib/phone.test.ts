import { expect, it } from 'vitest';
import { telHref } from './phone';

it('turns a written phone number into a tel: link', () => {
  expect(telHref('+1 (618) 724-5782')).toBe('tel:+16187245782');
});
