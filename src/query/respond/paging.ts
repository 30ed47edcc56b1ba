/**
 * Pages of a long list (a ranking, total or filter): "更多" or `?offset=` past its last row says so
 * instead of answering with an empty page — the list may also have shrunk since it was shown (a new index).
 */
import type { Answer } from '../answer.ts';

export function pastTheEnd(question: string, total: number, offset: number): Answer {
  const text = total === 0 ? '没有更多了：这个列表现在是空的。' : `没有更多了：共 ${total} 个单位，已全部列出（第 1–${total} 个）。`;
  return { question, status: 'answered', text, results: [], warnings: [], suggestions: [], page: { offset, shown: 0, total } };
}
