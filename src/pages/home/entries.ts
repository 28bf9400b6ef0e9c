export interface Entry {
  key: string;
  label: string;
  glyph: string;
  color: string;
  url: string;
}

export const ENTRIES: Entry[] = [
  { key: 'appeal', label: '反映诉求', glyph: '诉', color: '#c8161d', url: '/pages/appeal-new/index' },
  { key: 'appeals', label: '我的诉求', glyph: '进', color: '#d35400', url: '/pages/appeals/index' },
  { key: 'booking', label: '预约服务', glyph: '约', color: '#e67e22', url: '/packages/booking/index' },
  { key: 'volunteer', label: '志愿服务', glyph: '志', color: '#27ae60', url: '/packages/volunteer/index' },
  { key: 'council', label: '家园议事', glyph: '议', color: '#2980b9', url: '/packages/council/index' },
  { key: 'mine', label: '我的', glyph: '我', color: '#8e44ad', url: '/pages/mine/index' },
];
