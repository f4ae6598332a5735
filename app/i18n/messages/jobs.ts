// Admin strings of the jobs area.
export const en = {} as const;

export const fr: Record<keyof typeof en, string> = {};
