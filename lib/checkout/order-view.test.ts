import { describe, expect, it } from 'vitest';
import { orderInclude, toOrderView, type OrderRow } from './order-view';

const at = (iso: string) => new Date(iso);

function row(over: Partial<OrderRow> = {}): OrderRow {
  return {
    id: 'cord1',
    number: 100042,
    status: 'shipped',
    cartId: null,
    fingerprint: 'fp',
    email: 'saraa@example.com',
    shippingName: 'Saraa Bold',
    shippingLine1: '12 Peace Avenue',
    shippingLine2: 'Apartment 4',
    shippingCity: 'Ulaanbaatar',
    shippingRegion: 'Chingeltei',
    shippingPostal: '14200',
    shippingCountry: 'MN',
    shippingMethod: 'express',
    currency: 'EUR',
    subtotalCents: 16250,
    shippingCents: 0,
    totalCents: 16250,
    provider: 'paypal',
    providerRef: 'PAYPAL-1',
    flaggedReason: 'amount differs',
    viewerTokenHash: 'hash',
    expiresAt: at('2026-03-01T10:30:00.000Z'),
    paidAt: at('2026-03-01T10:01:00.000Z'),
    shippedAt: at('2026-03-03T09:00:00.000Z'),
    shippingCarrier: 'Mongol Post',
    trackingNumber: 'RR123MN',
    createdAt: at('2026-03-01T10:00:00.000Z'),
    updatedAt: at('2026-03-03T09:00:00.000Z'),
    lines: [
      {
        id: 'l1',
        orderId: 'cord1',
        variantId: 'v1',
        productSlug: 'yak-wool-socks',
        title: 'Yak wool socks',
        size: 'M',
        colour: 'Charcoal',
        sku: 'YS-CH-M',
        unitPriceCents: 2450,
        quantity: 3,
        lineTotalCents: 7350,
        isWool: true,
        finalSale: false,
      },
      {
        id: 'l2',
        orderId: 'cord1',
        variantId: null,
        productSlug: 'felt-coasters',
        title: 'Felt coasters',
        size: 'One size',
        colour: 'Grey',
        sku: 'FC-GR',
        unitPriceCents: 8900,
        quantity: 1,
        lineTotalCents: 8900,
        isWool: false,
        finalSale: true,
      },
    ],
    events: [
      { id: 'e1', orderId: 'cord1', from: null, to: 'pending', note: null, createdAt: at('2026-03-01T10:00:00.000Z') },
      { id: 'e2', orderId: 'cord1', from: 'pending', to: 'paid', note: 'PayPal capture', createdAt: at('2026-03-01T10:01:00.000Z') },
    ],
    ...over,
  };
}

describe('toOrderView', () => {
  it('shows the order from its own snapshot: number, address, lines and totals in its currency, history', () => {
    expect(toOrderView(row())).toEqual({
      id: 'cord1',
      number: 'MN-100042',
      status: 'shipped',
      email: 'saraa@example.com',
      address: {
        name: 'Saraa Bold',
        line1: '12 Peace Avenue',
        line2: 'Apartment 4',
        city: 'Ulaanbaatar',
        region: 'Chingeltei',
        postalCode: '14200',
        country: 'MN',
      },
      shippingMethod: 'express',
      lines: [
        {
          productSlug: 'yak-wool-socks',
          title: 'Yak wool socks',
          size: 'M',
          colour: 'Charcoal',
          sku: 'YS-CH-M',
          quantity: 3,
          unitPrice: { amount: 2450, currency: 'EUR' },
          lineTotal: { amount: 7350, currency: 'EUR' },
          isWool: true,
        },
        {
          productSlug: 'felt-coasters',
          title: 'Felt coasters',
          size: 'One size',
          colour: 'Grey',
          sku: 'FC-GR',
          quantity: 1,
          unitPrice: { amount: 8900, currency: 'EUR' },
          lineTotal: { amount: 8900, currency: 'EUR' },
          isWool: false,
        },
      ],
      subtotal: { amount: 16250, currency: 'EUR' },
      shipping: { amount: 0, currency: 'EUR' },
      total: { amount: 16250, currency: 'EUR' },
      provider: 'paypal',
      flaggedReason: 'amount differs',
      placedAt: '2026-03-01T10:00:00.000Z',
      paidAt: '2026-03-01T10:01:00.000Z',
      expiresAt: '2026-03-01T10:30:00.000Z',
      shipment: { carrier: 'Mongol Post', trackingNumber: 'RR123MN', shippedAt: '2026-03-03T09:00:00.000Z' },
      history: [
        { from: null, to: 'pending', note: null, at: '2026-03-01T10:00:00.000Z' },
        { from: 'pending', to: 'paid', note: 'PayPal capture', at: '2026-03-01T10:01:00.000Z' },
      ],
    });
  });

  it('has no payment time before it is paid, and no shipment until all three of its facts are there', () => {
    expect(toOrderView(row({ paidAt: null })).paidAt).toBeNull();
    expect(toOrderView(row({ shippedAt: null })).shipment).toBeNull();
    expect(toOrderView(row({ shippingCarrier: null })).shipment).toBeNull();
    expect(toOrderView(row({ trackingNumber: null })).shipment).toBeNull();
    expect(toOrderView(row({ shippingCarrier: '' })).shipment).toBeNull();
  });

  it('is read with its lines by id (the order they were written) and its history oldest first', () => {
    expect(orderInclude).toEqual({ lines: { orderBy: { id: 'asc' } }, events: { orderBy: { createdAt: 'asc' } } });
  });
});
