/**
 * The words of a conversation, as data: what marks a message as continuing the previous question, what
 * marks it as a complete request of its own, and the small talk (greetings, thanks, help) answered without
 * a lookup. Read by src/query/understand/follow-up.ts and src/query/respond/small-talk.ts.
 */

/** "那2019年呢？", "还有诉讼", "换成统计局": the speaker says this continues the previous question. */
export const FOLLOW_UP_CUE_RE = /呢[?？]?$|^那|^还有|^再|换成|^同样|^也/;

/**
 * "经信局去年的信息公开情况", "鹿城区概况": a request for an agency's headline figures, complete without a
 * figure named — never a fragment that takes the previous question's figure.
 */
export const OVERVIEW_REQUEST_RE = /情况|概况|总体|整体|汇总|总览|一览|介绍/;

/** Across all agencies: a question about every unit is its own question, whatever was asked before. */
export const ALL_UNITS_RE = /各单位|所有单位|全部单位|各部门|所有部门|全部部门|各机关|所有机关|哪个单位|哪些单位|哪家单位|哪个部门|哪些部门|哪家|谁最|全市|全区|全县|全省/;

/** Whole messages that are small talk, after normalization (lower case, no spaces, no punctuation). */
export const GREETINGS = ['你好', '您好', '你们好', '大家好', '哈喽', '嗨', '喂', '在吗', '在不在', '早', '早上好', '上午好', '中午好', '下午好', '晚上好', 'hi', 'hello', 'hey', '你是谁', '你是什么'];
export const THANKS = ['谢谢', '谢谢你', '谢谢您', '多谢', '感谢', '非常感谢', '谢啦', '谢了', '好的谢谢', '好的', '好', '收到', '明白了', '知道了', '好的收到', 'ok', 'thanks', 'thankyou', 'thx'];
export const HELP_WORDS = ['帮助', '帮忙', '求助', '怎么用', '怎么问', '使用说明', '说明', '菜单', '用法', 'help'];

/**
 * A message written in English (or another Latin-script language): no Chinese at all, and at least two
 * Latin words (a lone code such as "ok" or "hi" is left to the lists above).
 */
export const HAN_RE = /\p{sc=Han}/u;
export const LATIN_WORD_RE = /\p{Script=Latin}{2,}/gu;
export const MIN_LATIN_WORDS = 2;

/** Punctuation and symbols stripped before a message is compared with the lists above. */
export const SMALL_TALK_STRIP_RE = /[\s\p{P}\p{S}~]+/gu;
