/** Cues for the kind of question, as data: first matching rule wins among those whose needs are met. */
import { QUESTION_WORD } from '../../catalogue/agency-levels.ts';
import { parseSmallNumber, SMALL_NUMBER } from './numbers.ts';

/** "更多", "下一页": the next page of the list just shown (a ranking, total or filter). */
export const MORE_RE = /^(?:更多|更多的?|再多一些|下一页|下页|后面的?|后面还有吗?|还有吗|还有呢|还有哪些|继续|接着|再来一页|more|next)[?？。.!！]?$/i;
export const HELP_RE = /^(帮助|help|\?|？|菜单|使用说明)$|能问什么|可以问什么|问些什么|能问哪些|可以问哪些|怎么用|怎么问|如何使用|如何提问|使用说明|你能做什么|你会什么|能回答什么|可以查什么|能查什么|能干什么|支持哪些/;
export const LIST_YEARS_RE = /哪些年份?|哪几年|哪几个年|哪一年有|有哪些年|什么年份|几年的报告|有几年|年份有哪些|年份列表/;
export const LIST_AGENCIES_RE = /哪些单位|哪些部门|哪些机关|哪些机构|单位列表|有什么单位|收录了?哪些|都有谁|有哪些报告|哪些报告|单位有哪些|部门有哪些|有几个单位|多少个单位|多少家单位/;
export const RANKING_RE = new RegExp(`哪个|哪家|哪一个|哪一家|哪些单位|哪些部门|哪些机关|谁的|谁最|最多|最少|最高|最低|排名|排行|排序|前${SMALL_NUMBER}(?:名|个|位|家)?|top\\d*`);
export const TOTAL_RE = /合计|总共|一共|共计|共有多少|共多少|加起来|所有单位|全部单位|各单位|全市|汇总|总和|总数是多少|累计/;
export const YESNO_RE = /有没有|有无|是否|有.{0,10}吗|没有.{0,8}吗|存在.{0,6}吗|有过|[了过]吗|[了过]没有?$/;
export const TREND_RE = /变化|趋势|逐年|每年|增长|下降|走势|增加还是减少|增多还是减少|多了还是少了|上升还是下降|是增是减|增减情况|同比|环比|(?:比|较)(?:上一?年|去年)(?!结转)|与上年相比|和去年比/;
/** "哪些单位 / 有几个单位 …" — tested on what is left once agencies and figure words are taken out. */
export const WHICH_RE = new RegExp(`${QUESTION_WORD}(?:单位|部门|机关|机构|政府|局)|哪家|哪几家|哪一家|几家|多少家`);
export const COUNT_RE = /几个|几家|多少个|多少家/;
/** Said of a figure: none at all. The figure words themselves (没公开, 无法提供, 未审结) are taken out first. */
export const NONE_RE = /没有|没|未|无|从未|从没|零|为0|是0|等于0/;
export const HAS_RE = /有|被|过|发生/;
/** A superlative or an explicit ranking: a ranking, not a filter. */
export const SUPERLATIVE_RE = new RegExp(`最|排名|排行|排序|倒数|前${SMALL_NUMBER}|top`);

const TOP_RE = new RegExp(`(?:前|top)(${SMALL_NUMBER})|最(?:多|少|高|低)的?(${SMALL_NUMBER})(?:个|家|位|名)`);

export function rankingShape(text: string): { topN?: number; order: 'desc' | 'asc' } {
  const order = /最少|最低|倒数/.test(text) ? 'asc' : 'desc';
  const m = TOP_RE.exec(text);
  const n = m ? parseSmallNumber(m[1] ?? m[2]!) : null;
  if (n && n > 0) return { topN: n, order };
  return { order };
}
