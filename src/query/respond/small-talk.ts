/**
 * Messages that are not questions about the reports: a greeting, thanks, a call for help, a question in
 * English. Each gets a short Chinese reply with example questions, on every channel (the words are in
 * src/catalogue/conversation.ts).
 */
import { GREETINGS, HAN_RE, HELP_WORDS, LATIN_WORD_RE, MIN_LATIN_WORDS, SMALL_TALK_STRIP_RE, THANKS } from '../../catalogue/conversation.ts';
import type { Answer } from '../answer.ts';
import { EXAMPLE_QUESTIONS } from '../examples.ts';
import { normalizeText } from '../text/normalize.ts';

const EXAMPLES = EXAMPLE_QUESTIONS.slice(0, 4);
/** Longest message read as small talk or as an English question (questions are cut at 200 characters). */
const MAX_SMALL_TALK = 300;
const examples = (list = EXAMPLES) => list.join('\n');

const greetings = new Set(GREETINGS.map((w) => normalizeText(w)));
const thanks = new Set(THANKS.map((w) => normalizeText(w)));
const help = new Set(HELP_WORDS.map((w) => normalizeText(w).replace(SMALL_TALK_STRIP_RE, '')));

type Reply = Omit<Answer, 'query'>;
const reply = (question: string, status: Answer['status'], text: string, suggestions = EXAMPLE_QUESTIONS): Reply => ({
  question, status, text, results: [], warnings: [], suggestions,
});

/** What the bot does, with every example question. */
export function helpAnswer(question: string): Reply {
  return reply(
    question,
    'answered',
    `可以问各单位政府信息公开年度报告里的数字，每个数字都附报告原文出处，例如：\n${examples(EXAMPLE_QUESTIONS)}\n接着问可以省略：“那2019年呢？”“统计局呢？”“诉讼呢？”`,
  );
}

/** The reply to small talk, or null when the message is (or may be) a question. */
export function smallTalk(question: string): Reply | null {
  // Small talk is short: a long message is a question (or a paste), never a greeting.
  if (question.length > MAX_SMALL_TALK) return null;
  const bare = normalizeText(question).replace(SMALL_TALK_STRIP_RE, '');
  if (help.has(bare)) return helpAnswer(question);
  if (greetings.has(bare)) {
    return reply(question, 'answered', `您好！我回答政府信息公开工作年度报告里的数字，并给出报告原文出处。可以这样问：\n${examples()}`);
  }
  if (thanks.has(bare)) return reply(question, 'answered', `不客气！还可以接着问，例如：\n${examples()}`);
  if (!HAN_RE.test(question) && (question.match(LATIN_WORD_RE)?.length ?? 0) >= MIN_LATIN_WORDS) {
    return reply(question, 'unsupported', `我只能用中文回答，请用中文提问（I answer in Chinese only — please ask in Chinese）。例如：\n${examples()}`);
  }
  return null;
}
