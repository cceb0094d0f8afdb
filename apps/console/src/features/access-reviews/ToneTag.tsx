import { Tag } from 'antd';
import type { ReactNode } from 'react';

/** Background and border per tone; the text stays near-black so every pair passes WCAG AA contrast (as StatusTag does). */
const TONES = {
  good: ['#e3f4e6', '#7cc18b'],
  bad: ['#fbe3e3', '#e07e7e'],
  warn: ['#fff4d6', '#e0b84d'],
  info: ['#e3ecfb', '#7ea3e0'],
  neutral: ['#f0f0f0', '#bfbfbf'],
} as const;

export type Tone = keyof typeof TONES;

export function ToneTag({ tone, children }: { readonly tone: Tone; readonly children: ReactNode }) {
  const [background, border] = TONES[tone];
  return <Tag style={{ color: '#1f1f1f', background, borderColor: border }}>{children}</Tag>;
}
