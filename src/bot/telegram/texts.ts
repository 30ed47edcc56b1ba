/** Telegram's fixed texts (HTML parse mode). */
import { EXAMPLE_QUESTIONS as ENGINE_EXAMPLES } from '../../query/examples.ts';

/** The engine's own examples, so /start never promises what the engine cannot answer. */
export const EXAMPLE_QUESTIONS = ENGINE_EXAMPLES.slice(0, 3);

export const START_TEXT = [
  '<b>公开 · 政府信息公开年报问答</b>',
  '我读过各级政府机关的《政府信息公开工作年度报告》，回答其中的数字，并给出报告原文出处（文件与行号）。',
  '',
  '试试这样问：',
  ...EXAMPLE_QUESTIONS.map((q) => `• ${q}`),
  '',
  '命令：/help 用法 · /agencies 机关列表 · /years 年份 · /sources 报告来源',
].join('\n');

export const HELP_TEXT = [
  '<b>用法</b>',
  '直接发问题：机关 + 年份 + 想知道的数字，例如“鹿城区2020年行政复议多少件”。',
  '接着问可以省略：“那2019年呢？”“统计局呢？”“诉讼呢？”会沿用上一问（10 分钟内）的机关、年份和指标；完整的问题总是按它本身回答。',
  '机关名称有多个可能时，我会列出按钮供你选择。',
  '在群里请 @我 或使用命令；每个人的追问和按钮各自独立。',
  '',
  '/agencies 已收录的机关 · /years 已收录的年份 · /sources 报告文件',
].join('\n');

export const RATE_LIMITED_TEXT = '提问太快了，请稍等几秒再问。';
export const CHOICE_EXPIRED_TEXT = '这个选择已过期，请重新提问。';
export const NOT_YOUR_CHOICE_TEXT = '这是其他人提问的选项，请自己提问。';
