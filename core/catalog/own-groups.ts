import { defineMethod } from './method.js';
/** The panel methods that run no catalog function: the user's own rule groups, and tags on the selected rows. */

export const RULES_METHOD = defineMethod({
  id: 'rules',
  name: { en: 'Rule-based groups', vi: 'Nhóm theo quy tắc' },
  about: {
    en: 'Your own groups from conditions on columns (AND / OR).',
    vi: 'Nhóm riêng của bạn từ các điều kiện trên cột (VÀ / HOẶC).',
  },
  run: 'rules',
  columns: [],
  options: [],
  chart: 'bars',
});

export const TAGS_METHOD = defineMethod({
  id: 'tags',
  name: { en: 'Tag selected rows', vi: 'Gắn nhãn dòng đang chọn' },
  about: {
    en: 'Put a tag (buying role, personality or your own) on the selected rows.',
    vi: 'Gắn nhãn (vai trò mua, tính cách hoặc nhãn riêng) cho các dòng đang chọn.',
  },
  run: 'tags',
  columns: [],
  options: [],
  chart: 'bars',
});
