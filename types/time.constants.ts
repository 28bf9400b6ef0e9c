/** Day names as the app shows them; index = `Date#getDay()` of the Asia/Shanghai day (0 = Sunday). Zod-free. */
export const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
