/**
 * The columns methods read, each with its name in the panel and the header words that find it, English and
 * Vietnamese (lower case, no diacritics: the panel compares headers that way, so `Ngày Mua Cuối` finds
 * `ngay mua cuoi`). A method takes these and names the function parameter each one is passed as.
 */
import type { ColumnSpec } from './method.js';

type Role = Omit<ColumnSpec, 'param'>;

export const CUSTOMER: Role = {
  role: 'customer',
  label: { en: 'Customer', vi: 'Khách hàng' },
  guesses: [
    'customer id',
    'customer',
    'client',
    'account',
    'company',
    'name',
    'khach hang',
    'ma khach hang',
    'ten khach hang',
    'cong ty',
    'ten',
  ],
};

export const VALUE: Role = {
  role: 'value',
  label: { en: 'Value (revenue)', vi: 'Giá trị (doanh thu)' },
  guesses: [
    'revenue this year',
    'revenue',
    'sales',
    'amount',
    'value',
    'turnover',
    'doanh thu nam nay',
    'doanh thu',
    'doanh so',
    'gia tri',
    'tong tien',
    'thanh tien',
  ],
};

export const REVENUE: Role = {
  role: 'revenue',
  label: { en: 'Revenue', vi: 'Doanh thu' },
  guesses: [
    'revenue this year',
    'revenue',
    'sales',
    'amount',
    'monetary',
    'line total',
    'doanh thu nam nay',
    'doanh thu',
    'doanh so',
    'thanh tien',
    'tong tien hang',
    'tong tien',
    'so tien',
    'total',
  ],
};

export const ORDER_ID: Role = {
  role: 'orderId',
  label: { en: 'Order / invoice id (optional)', vi: 'Mã đơn / số hóa đơn (không bắt buộc)' },
  optional: true,
  guesses: [
    'invoice no',
    'invoice number',
    'invoice id',
    'order id',
    'order no',
    'order number',
    'invoice',
    'order',
    'receipt',
    'ma hoa don',
    'so hoa don',
    'ma don hang',
    'ma don',
    'so hd',
    'ma hd',
    'so chung tu',
    'ma chung tu',
  ],
};

export const QUANTITY: Role = {
  role: 'quantity',
  label: { en: 'Quantity', vi: 'Số lượng' },
  guesses: ['quantity', 'qty', 'units', 'so luong', 'sl'],
};

export const PRICE: Role = {
  role: 'price',
  label: { en: 'Price', vi: 'Đơn giá' },
  guesses: ['unit price', 'price', 'don gia', 'gia ban'],
};

export const SALES: Role = {
  role: 'sales',
  label: { en: 'Sales', vi: 'Doanh số' },
  guesses: ['revenue this year', 'sales', 'revenue', 'doanh thu nam nay', 'doanh thu', 'doanh so'],
};

export const GROWTH: Role = {
  role: 'growth',
  label: { en: 'Growth', vi: 'Tăng trưởng' },
  guesses: ['growth', 'tang truong', 'ty le tang truong'],
};

export const LAST_PURCHASE: Role = {
  role: 'lastPurchase',
  label: { en: 'Last purchase date', vi: 'Ngày mua cuối' },
  dates: true,
  guesses: [
    'last purchase',
    'last order',
    'most recent',
    'ngay mua cuoi',
    'lan mua cuoi',
    'mua gan nhat',
    'ngay mua gan nhat',
  ],
};

export const FIRST_PURCHASE: Role = {
  role: 'firstPurchase',
  label: { en: 'First purchase date', vi: 'Ngày mua đầu' },
  dates: true,
  guesses: ['first purchase', 'first order', 'since', 'ngay mua dau', 'lan mua dau', 'mua lan dau', 'ngay dang ky'],
};

export const ORDER_DATE: Role = {
  role: 'orderDate',
  label: { en: 'Order date', vi: 'Ngày đặt hàng' },
  dates: true,
  guesses: [
    'order date',
    'invoice date',
    'date',
    'ngay dat hang',
    'ngay don hang',
    'ngay hoa don',
    'ngay chung tu',
    'ngay mua',
    'ngay ban',
    'thoi gian',
    'ngay',
  ],
};

export const ORDERS: Role = {
  role: 'orders',
  label: { en: 'Number of orders', vi: 'Số đơn hàng' },
  guesses: ['orders', 'order count', 'frequency', 'purchases', 'so don', 'so don hang', 'so lan mua', 'tan suat'],
};

export const REFERRALS: Role = {
  role: 'referrals',
  label: { en: 'Referrals (optional)', vi: 'Số lần giới thiệu (không bắt buộc)' },
  optional: true,
  guesses: ['referrals', 'referred', 'gioi thieu', 'so lan gioi thieu'],
};

export const ATTRACTIVENESS: Role = {
  role: 'attractiveness',
  label: { en: 'Attractiveness', vi: 'Mức hấp dẫn' },
  guesses: ['attractiveness', 'attractive', 'muc hap dan', 'hap dan'],
};

export const FEASIBILITY: Role = {
  role: 'feasibility',
  label: { en: 'Feasibility', vi: 'Khả năng thực hiện' },
  guesses: ['feasibility', 'ability', 'kha thi', 'kha nang'],
};

export const PERIODS: Role = {
  role: 'periods',
  label: { en: 'Periods (one column each)', vi: 'Các kỳ (mỗi kỳ một cột)' },
  several: true,
  guesses: [],
};

export const FEATURES: Role = {
  role: 'features',
  label: { en: 'Columns to compare', vi: 'Các cột để so sánh' },
  several: true,
  guesses: [],
};

/** A role passed as a function parameter. */
export function as(role: Role, param: string): ColumnSpec {
  return { ...role, param };
}
