/**
 * Questions as citizens and office staff type them, over the five seed reports, each with the status,
 * what it must be understood as (agency, year, figures) and the figure(s) it must answer with.
 * Every answered figure's citation must quote the cited line verbatim.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAsker, AnswerSchema, type AskFn, type StructuredQuery } from '../../src/query/index.ts';
import type { Db } from '../../src/store/open.ts';
import { PROJECT_ROOT } from '../helpers/gold.ts';
import { openSeed, seedIndexPath } from './seed-db.ts';

const L = '温州市鹿城区人民政府';
const S = '温州市统计局';
const Z = '温州市政务服务中心';
const J = '温州市经济和信息化局';
const W = '温州市商务局';

type Status = 'answered' | 'clarify' | 'not_found' | 'unsupported';
/** [question, status, agency, year, metrics understood, values answered] — null: not checked. */
type Case = [string, Status, string | null, number | null, string[] | null, (number | null)[] | null];

const CASES: Case[] = [
  // 行政复议 — 鹿城区 2020
  ['鹿城区2020年行政复议多少件', 'answered', L, 2020, ['review.total'], [23]],
  ['鹿城区2020年被申请行政复议几件？', 'answered', L, 2020, ['review.total'], [23]],
  ['鹿城2020复议多少', 'answered', L, 2020, ['review.total'], [23]],
  ['鹿城区20年复议案件数量', 'answered', L, 2020, ['review.total'], [23]],
  ['鹿城区二〇二〇年行政复议', 'answered', L, 2020, ['review.total'], [23]],
  ['鹿城区二零二零年的行政复议有多少', 'answered', L, 2020, ['review.total'], [23]],
  ['温州市鹿城区人民政府2020年度行政复议总计', 'answered', L, 2020, ['review.total'], [23]],
  ['鹿城区政府2020年因政府信息公开被申请行政复议多少件', 'answered', L, 2020, ['review.total'], [23]],
  ['温州鹿城区2020年复议', 'answered', L, 2020, ['review.total'], [23]],
  ['鹿城區2020年行政複議多少件', 'answered', L, 2020, ['review.total'], [23]],
  ['鹿城区２０２０年行政复议多少件？', 'answered', L, 2020, ['review.total'], [23]],
  ['鹿城区 2020 年 行政复议 多少 件', 'answered', L, 2020, ['review.total'], [23]],
  ['鹿域区2020年行政复议多少件', 'answered', L, 2020, ['review.total'], [23]],
  ['请问鹿城区去年行政复议有多少件', 'answered', L, 2020, ['review.total'], [23]],
  ['鹿城区行政复议', 'answered', L, 2020, ['review.total'], [23]],
  ['鹿城区2020年行政复议结果维持多少', 'answered', L, 2020, ['review.upheld'], [7]],
  ['鹿城区2020年复议维持了几件', 'answered', L, 2020, ['review.upheld'], [7]],
  ['鹿城区2020年复议被纠正多少件', 'answered', L, 2020, ['review.corrected'], [8]],
  ['鹿城区2020年行政复议纠错', 'answered', L, 2020, ['review.corrected'], [8]],
  ['鹿城区2020年复议其他结果', 'answered', L, 2020, ['review.other'], [4]],
  ['鹿城区2020年复议尚未审结的有几件', 'answered', L, 2020, ['review.pending'], [4]],
  ['鹿城区2020年行政复议还没审结的', 'answered', L, 2020, ['review.pending'], [4]],
  ['鹿城区2020年复议维持和纠正分别多少', 'answered', L, 2020, ['review.upheld', 'review.corrected'], [7, 8]],
  // 行政诉讼
  ['鹿城区2020年行政诉讼多少件', 'answered', L, 2020, ['litigation.total'], [18]],
  ['鹿城区2020年被起诉多少次', 'answered', L, 2020, ['litigation.total'], [18]],
  ['鹿城区2020年当被告几次', 'answered', L, 2020, ['litigation.total'], [18]],
  ['鹿城区2020年诉讼案件', 'answered', L, 2020, ['litigation.total'], [18]],
  ['鹿城区2020年直接起诉多少件', 'answered', L, 2020, ['litigation.direct.total'], [13]],
  ['鹿城区2020年未经复议直接起诉的行政诉讼', 'answered', L, 2020, ['litigation.direct.total'], [13]],
  ['鹿城区2020年复议后起诉多少', 'answered', L, 2020, ['litigation.after_review.total'], [5]],
  ['鹿城区2020年经复议后起诉的诉讼有几件', 'answered', L, 2020, ['litigation.after_review.total'], [5]],
  ['鹿城区2020年行政诉讼维持多少', 'answered', L, 2020, ['litigation.upheld'], [10]],
  ['鹿城区2020年直接起诉结果维持', 'answered', L, 2020, ['litigation.direct.upheld'], [9]],
  ['鹿城区2020年诉讼尚未审结', 'answered', L, 2020, ['litigation.pending'], [4]],
  ['鹿城区2020年复议和诉讼各多少', 'answered', L, 2020, ['review.total', 'litigation.total'], [23, 18]],
  ['鹿城区2020年行政复议、行政诉讼分别是多少件', 'answered', L, 2020, ['review.total', 'litigation.total'], [23, 18]],
  // 表三 — 鹿城区
  ['鹿城区2020年收到多少政府信息公开申请', 'answered', L, 2020, ['requests.new'], [208]],
  ['鹿城区2020年新收申请多少件', 'answered', L, 2020, ['requests.new'], [208]],
  ['鹿城区2020年依申请公开件数', 'answered', L, 2020, ['requests.new'], [208]],
  ['鹿城区2020年信息公开申请有多少', 'answered', L, 2020, ['requests.new'], [208]],
  ['2020年鹿城区申请了多少', 'answered', L, 2020, ['requests.new'], [208]],
  ['鹿城区2020年自然人申请多少件', 'answered', L, 2020, ['requests.new'], [198]],
  ['鹿城区2020年老百姓申请了多少', 'answered', L, 2020, ['requests.new'], [198]],
  ['鹿城区2020年个人提出的信息公开申请', 'answered', L, 2020, ['requests.new'], [198]],
  ['鹿城区2020年企业申请多少', 'answered', L, 2020, ['requests.new'], [6]],
  ['鹿城区2020年商业企业新收申请', 'answered', L, 2020, ['requests.new'], [6]],
  ['鹿城区2020年法律服务机构申请几件', 'answered', L, 2020, ['requests.new'], [1]],
  ['鹿城区2020年律师申请了几件', 'answered', L, 2020, ['requests.new'], [1]],
  ['鹿城区2020年其他申请人申请几件', 'answered', L, 2020, ['requests.new'], [3]],
  ['鹿城区2020年法人或其他组织申请多少件', 'answered', L, 2020, ['requests.new'], [10]],
  ['鹿城区2020年法人申请了多少', 'answered', L, 2020, ['requests.new'], [10]],
  ['鹿城区2020年上年结转多少件', 'answered', L, 2020, ['requests.carried_over'], [15]],
  ['鹿城区2020年上一年结转的申请', 'answered', L, 2020, ['requests.carried_over'], [15]],
  ['鹿城区2020年予以公开多少件', 'answered', L, 2020, ['requests.result.disclosed'], [85]],
  ['鹿城区2020年同意公开的有多少', 'answered', L, 2020, ['requests.result.disclosed'], [85]],
  ['鹿城区2020年部分公开几件', 'answered', L, 2020, ['requests.result.partial'], [42]],
  ['鹿城区2020年不予公开多少件', 'answered', L, 2020, ['requests.result.withheld'], [5]],
  ['鹿城区2020年拒绝公开了多少', 'answered', L, 2020, ['requests.result.withheld'], [5]],
  ['鹿城区2020年因保护第三方合法权益不予公开多少', 'answered', L, 2020, ['requests.result.withheld.third_party'], [1]],
  ['鹿城区2020年属于四类过程性信息的有几件', 'answered', L, 2020, ['requests.result.withheld.process_info'], [2]],
  ['鹿城区2020年行政执法案卷多少件', 'answered', L, 2020, ['requests.result.withheld.enforcement_file'], [2]],
  ['鹿城区2020年国家秘密不公开几件', 'answered', L, 2020, ['requests.result.withheld.state_secret'], [0]],
  ['鹿城区2020年无法提供多少件', 'answered', L, 2020, ['requests.result.unavailable'], [83]],
  ['鹿城区2020年本机关不掌握相关政府信息多少', 'answered', L, 2020, ['requests.result.unavailable.not_held'], [83]],
  ['鹿城区2020年没有现成信息需要另行制作', 'answered', L, 2020, ['requests.result.unavailable.needs_creation'], [0]],
  ['鹿城区2020年不予处理几件', 'answered', L, 2020, ['requests.result.not_processed'], [1]],
  ['鹿城区2020年重复申请多少', 'answered', L, 2020, ['requests.result.not_processed.repeated'], [1]],
  ['鹿城区2020年信访举报投诉类申请', 'answered', L, 2020, ['requests.result.not_processed.petition'], [0]],
  ['鹿城区2020年其他处理多少件', 'answered', L, 2020, ['requests.result.other_handling'], [0]],
  ['鹿城区2020年办理结果总计', 'answered', L, 2020, ['requests.result.total'], [216]],
  ['鹿城区2020年办结了多少件申请', 'answered', L, 2020, null, [216]],
  ['鹿城区2020年结转下年度继续办理多少件', 'answered', L, 2020, ['requests.carried_forward'], [7]],
  ['鹿城区2020年结转到下年的有几件', 'answered', L, 2020, ['requests.carried_forward'], [7]],
  ['鹿城区2020年予以公开和部分公开各多少', 'answered', L, 2020, ['requests.result.disclosed', 'requests.result.partial'], [85, 42]],
  // 表二 — 鹿城区
  ['鹿城区2020年行政许可多少件', 'answered', L, 2020, ['licensing.decisions'], [105115]],
  ['鹿城区2020年行政许可处理决定数量', 'answered', L, 2020, ['licensing.decisions'], [105115]],
  ['鹿城区2020年许可决定有多少', 'answered', L, 2020, ['licensing.decisions'], [105115]],
  ['鹿城区2020年行政许可上一年项目数量', 'answered', L, 2020, ['licensing.prev_items'], [1182]],
  ['鹿城区2020年行政许可增减', 'answered', L, 2020, ['licensing.change'], [-253]],
  ['鹿城区2020年行政处罚多少件', 'answered', L, 2020, ['penalty.decisions'], [11711]],
  ['鹿城区2020年处罚决定多少', 'answered', L, 2020, ['penalty.decisions'], [11711]],
  ['鹿城区2020年行政处罚项目增加了多少', 'answered', L, 2020, ['penalty.change'], [2548]],
  ['鹿城区2020年行政强制多少', 'answered', L, 2020, ['coercion.decisions'], [2349]],
  ['鹿城区2020年行政强制上一年项目数', 'answered', L, 2020, ['coercion.prev_items'], [118]],
  ['鹿城区2020年其他对外管理服务事项处理决定', 'answered', L, 2020, ['other_services.decisions'], [277029]],
  ['鹿城区2020年规范性文件新制作多少件', 'answered', L, 2020, ['normative_docs.made'], [54]],
  ['鹿城区2020年制作了多少规范性文件', 'answered', L, 2020, ['normative_docs.made'], [54]],
  ['鹿城区2020年规范性文件新公开', 'answered', L, 2020, ['normative_docs.published'], [54]],
  ['鹿城区2020年规范性文件对外公开总数量', 'answered', L, 2020, ['normative_docs.public_total'], [359]],
  ['鹿城区2020年规章新制作', 'answered', L, 2020, ['regulations.made'], [0]],
  ['鹿城区2020年行政事业性收费项目数', 'answered', L, 2020, ['fees.prev_items'], [20]],
  ['鹿城区2020年政府集中采购多少', 'answered', L, 2020, ['procurement.projects', 'procurement.amount'], [415, 12454593]],
  ['鹿城区2020年采购项目数量', 'answered', L, 2020, ['procurement.projects'], [415]],
  ['鹿城区2020年采购金额是多少', 'answered', L, 2020, ['procurement.amount'], [12454593]],
  ['鹿城区2020年政府采购花了多少钱', 'answered', L, 2020, ['procurement.amount'], [12454593]],
  // 温州市统计局 2020
  ['温州市统计局2020年收到多少申请', 'answered', S, 2020, ['requests.new'], [7]],
  ['统计局2020年新收申请', 'answered', S, 2020, ['requests.new'], [7]],
  ['市统计局20年依申请公开多少件', 'answered', S, 2020, ['requests.new'], [7]],
  ['温州统计局2020年信息公开申请', 'answered', S, 2020, ['requests.new'], [7]],
  ['溫州市統計局2020年收到申請多少件', 'answered', S, 2020, ['requests.new'], [7]],
  ['统计局2020年予以公开几件', 'answered', S, 2020, ['requests.result.disclosed'], [3]],
  ['统计局2020年行政复议多少件', 'answered', S, 2020, ['review.total'], [0]],
  ['统计局2020年有没有行政复议', 'answered', S, 2020, ['review.total'], [0]],
  ['统计局2020年行政诉讼', 'answered', S, 2020, ['litigation.total'], [0]],
  ['统计局2020年行政处罚决定多少', 'answered', S, 2020, ['penalty.decisions'], [39]],
  ['统计局2020年行政处罚上一年项目数量', 'answered', S, 2020, ['penalty.prev_items'], [11]],
  ['统计局2020年其他对外管理服务事项增减', 'answered', S, 2020, ['other_services.change'], [10]],
  ['统计局2020年办结多少', 'answered', S, 2020, null, [7]],
  ['统计局2020年部分公开', 'answered', S, 2020, ['requests.result.partial'], [0]],
  ['统计局2020年行政事业性收费上一年项目数量', 'answered', S, 2020, ['fees.prev_items'], [1]],
  // 温州市政务服务中心 2020
  ['温州市政务服务中心2020年收到申请多少件', 'answered', Z, 2020, ['requests.new'], [7]],
  ['政务服务中心2020年新收多少申请', 'answered', Z, 2020, ['requests.new'], [7]],
  ['市行政服务中心2020年依申请公开', 'answered', Z, 2020, ['requests.new'], [7]],
  ['政务服务中心2020年无法提供几件', 'answered', Z, 2020, ['requests.result.unavailable'], [5]],
  ['政务服务中心2020年不予处理多少', 'answered', Z, 2020, ['requests.result.not_processed'], [1]],
  ['政务服务中心2020年行政复议多少件', 'answered', Z, 2020, ['review.total'], [4]],
  ['政务服务中心2020年复议尚未审结', 'answered', Z, 2020, ['review.pending'], [4]],
  ['政务服务中心2020年行政诉讼', 'answered', Z, 2020, ['litigation.total'], [0]],
  ['政务服务中心2020年有没有被起诉', 'answered', Z, 2020, ['litigation.total'], [0]],
  ['政务服务中心2020年政府集中采购', 'answered', Z, 2020, ['procurement.projects', 'procurement.amount'], [20, 13329640]],
  ['政务服务中心2020年采购总金额', 'answered', Z, 2020, ['procurement.amount'], [13329640]],
  ['政务服务中心2020年予以公开', 'answered', Z, 2020, ['requests.result.disclosed'], [1]],
  // 温州市经济和信息化局 2020 (narrative)
  ['经信局2020年主动公开多少条', 'answered', J, 2020, ['proactive.total'], [1000]],
  ['温州市经济和信息化局2020年主动公开信息', 'answered', J, 2020, ['proactive.total'], [1000]],
  ['市经信局2020年门户网站公开了多少条', 'answered', J, 2020, ['proactive.website'], [509]],
  ['经信局2020年网站公开信息', 'answered', J, 2020, ['proactive.website'], [509]],
  ['经信局2020年收到依申请公开几件', 'answered', J, 2020, ['requests.new'], [4]],
  ['温州经信局2020年收到多少申请', 'answered', J, 2020, ['requests.new'], [4]],
  ['经信局2020年行政复议', 'answered', J, 2020, ['review.total'], [0]],
  ['经信局2020年有没有行政诉讼', 'answered', J, 2020, ['litigation.total'], [0]],
  ['经信局2020年行政许可多少', 'answered', J, 2020, ['licensing.decisions'], [null]],
  ['经信局2020年予以公开多少件', 'answered', J, 2020, ['requests.result.disclosed'], [null]],
  // 温州市商务局 2018 (pre-2019 table)
  ['商务局2018年主动公开多少条信息', 'answered', W, 2018, ['proactive.total'], [620]],
  ['温州市商务局2018年政府网站公开政府信息数', 'answered', W, 2018, ['proactive.website'], [400]],
  ['商务局2018年网站公开多少', 'answered', W, 2018, ['proactive.website'], [400]],
  ['商务局2018年微信公开了多少条', 'answered', W, 2018, ['proactive.wechat'], [120]],
  ['商务局2018年政务微博', 'answered', W, 2018, ['proactive.weibo'], [0]],
  ['商务局2018年收到申请几件', 'answered', W, 2018, ['requests.new'], [5]],
  ['商务局2018年依申请公开多少件', 'answered', W, 2018, ['requests.new'], [5]],
  ['商务局2018年行政复议', 'answered', W, 2018, ['review.total'], [0]],
  ['商务局2018年行政诉讼多少', 'answered', W, 2018, ['litigation.total'], [0]],
  ['商务局2018年专项经费多少', 'answered', W, 2018, ['org.budget'], [3]],
  ['商务局2018年培训多少人次', 'answered', W, 2018, ['training.attendees'], [40]],
  ['商务局2018年工作人员几个', 'answered', W, 2018, ['org.staff'], [1]],
  ['商务局2018年查阅点', 'answered', W, 2018, ['org.reading_points'], [0]],
  ['商务局2018年办结多少', 'answered', W, 2018, null, [5]],
  ['商务局2018年网络申请数', 'answered', W, 2018, ['requests.new.online'], [5]],
  ['商务局2018年举报投诉', 'answered', W, 2018, ['complaints.total'], [0]],
  ['商务局2018年同意公开答复数', 'answered', W, 2018, null, [5]],
  ['商务局专项经费', 'answered', W, 2018, ['org.budget'], [3]],
  // the way people actually write
  ['浙江省温州市鹿城区人民政府2020年行政复议', 'answered', L, 2020, ['review.total'], [23]],
  ['浙江温州鹿城区复议', 'answered', L, 2020, ['review.total'], [23]],
  ['我想知道温州市鹿城区人民政府二〇二〇年度因政府信息公开申请行政复议的数量', 'answered', L, 2020, ['review.total'], [23]],
  ['鹿城区2020年行政复议是多少？谢谢', 'answered', L, 2020, ['review.total'], [23]],
  ['鹿城区上年度结转多少', 'answered', L, 2020, ['requests.carried_over'], [15]],
  ['鹿城区本年度办理结果总计', 'answered', L, 2020, ['requests.result.total'], [216]],
  ['鹿城区2020年有多少申请被予以公开', 'answered', L, 2020, ['requests.result.disclosed'], [85]],
  ['鹿城区2020年申请公开的有多少被拒绝', 'answered', L, 2020, ['requests.result.withheld'], [5]],
  ['鹿城区2020年有多少件申请结转到下一年', 'answered', L, 2020, ['requests.carried_forward'], [7]],
  ['鹿城区2020年申请人是自然人的有多少', 'answered', L, 2020, ['requests.new'], [198]],
  ['2020年鹿城区一共收到了多少份信息公开申请', 'answered', L, 2020, ['requests.new'], [208]],
  ['鹿城区的行政复议被纠正了几件', 'answered', L, 2020, ['review.corrected'], [8]],
  ['鹿城2020年有几起行政诉讼', 'answered', L, 2020, ['litigation.total'], [18]],
  ['鹿城区2020年的数据', 'answered', L, 2020, ['requests.new', 'review.total', 'litigation.total'], [208, 23, 18]],
  ['经信局2020年的信息公开情况', 'answered', J, 2020, ['requests.new', 'review.total', 'litigation.total'], [4, 0, 0]],
  ['统计局有没有被起诉过', 'answered', S, 2020, ['litigation.total'], [0]],
  ['温州市统计局在2020年有多少行政复议案件', 'answered', S, 2020, ['review.total'], [0]],
  ['鹿城區2020年收到多少申請？', 'answered', L, 2020, ['requests.new'], [208]],
  ['鹿城区2020年收到多少申请，办结多少', 'answered', L, 2020, ['requests.new', 'requests.result.total'], [208, 216]],
  ['鹿城区2020年收到的申请中，予以公开的有多少', 'answered', L, 2020, ['requests.result.disclosed'], [85]],
  ['温州市2020年行政复议', 'not_found', null, 2020, ['review.total'], null],
  ['2020', 'unsupported', null, null, null, null],
  ['全市2020年行政复议总数', 'answered', null, 2020, ['review.total'], null],
  ['2020年温州各单位收到的申请合计', 'answered', null, 2020, ['requests.new'], null],
  // several agencies
  ['鹿城区和统计局2020年收到的申请分别是多少', 'answered', null, 2020, ['requests.new'], [208, 7]],
  ['鹿城区、政务服务中心2020年行政复议各多少', 'answered', null, 2020, ['review.total'], [23, 4]],
  // rankings and totals
  ['2020年哪个单位行政复议最多', 'answered', null, 2020, ['review.total'], [23, 4, 0, 0]],
  // 经信局 and 统计局 share third place (0): both are shown, not one picked at random.
  ['2020年行政复议前三', 'answered', null, 2020, ['review.total'], [23, 4, 0, 0]],
  ['2020年收到申请最多的单位', 'answered', null, 2020, ['requests.new'], [208, 7, 7, 4]],
  ['2020年哪家单位申请最少', 'answered', null, 2020, ['requests.new'], [4, 7, 7, 208]],
  ['2020年所有单位行政复议一共多少件', 'answered', null, 2020, ['review.total'], null],
  // 年份 not in the index, agency not in the index, several matches, off-topic
  ['鹿城区2019年行政复议多少件', 'not_found', null, null, ['review.total'], null],
  ['北京市海淀区2020年行政复议多少件', 'not_found', null, 2020, ['review.total'], null],
  ['杭州市发改委2020年收到多少申请', 'not_found', null, 2020, ['requests.new'], null],
  ['上海市浦东新区人民政府行政诉讼', 'not_found', null, null, ['litigation.total'], null],
  ['北京市统计局2020年收到多少申请', 'not_found', null, 2020, ['requests.new'], null],
  ['鹿城区统计局2020年行政复议', 'not_found', null, 2020, ['review.total'], null],
  ['宁波市人力资源和社会保障局去年复议多少', 'not_found', null, 2020, ['review.total'], null],
  ['温洲市统计局2020年收到多少申请', 'answered', S, 2020, ['requests.new'], [7]],
  ['今天天气怎么样', 'unsupported', null, null, null, null],
  ['', 'unsupported', null, null, null, null],
  ['   ', 'unsupported', null, null, null, null],
  ['asdfgh', 'unsupported', null, null, null, null],
  ['你好', 'answered', null, null, null, null],
  ['谢谢', 'answered', null, null, null, null],
  ['how many reviews did Lucheng have', 'unsupported', null, null, null, null],
  ['!!!???', 'unsupported', null, null, null, null],
  ['2020年行政复议多少件', 'clarify', null, 2020, ['review.total'], null],
  // lists and help
  ['有哪些单位', 'answered', null, null, [], null],
  ['鹿城区有哪些年份的报告', 'answered', null, null, [], null],
  ['能问什么', 'answered', null, null, [], null],
  ['帮助', 'answered', null, null, null, null],
];

let db: Db;
let ask: AskFn;
const fileLines = new Map<string, string[]>();
const linesOf = (file: string) => {
  let l = fileLines.get(file);
  if (!l) {
    l = readFileSync(PROJECT_ROOT + file, 'utf8').split(/\r\n|\r|\n/);
    fileLines.set(file, l);
  }
  return l;
};

beforeAll(async () => {
  const { path } = await seedIndexPath();
  db = openSeed(path);
  ask = createAsker(db, { today: new Date('2021-03-01T00:00:00Z') });
});
afterAll(() => db?.close());

describe('questions over the seed index', () => {
  test('there are at least 150 questions', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
  });

  test.each(CASES)('%s → %s', (question, status, agency, year, metrics, values) => {
    const a = ask(question);
    expect(AnswerSchema.safeParse(a).success).toBe(true);
    expect(a.status, a.text).toBe(status);
    const q = a.query as StructuredQuery | undefined;
    if (metrics) expect(q?.metrics).toEqual(metrics);
    if (agency && status === 'answered') {
      expect(q?.agencies.map((x) => x.name)).toEqual([agency]);
      for (const r of a.results) expect(r.agency).toBe(agency);
    }
    if (year && status === 'answered') for (const r of a.results) expect(r.year).toBe(year);
    if (values) expect(a.results.map((r) => r.value)).toEqual(values);
    if (status === 'not_found') {
      expect(a.results).toEqual([]);
    }
    if (status === 'unsupported') expect(a.suggestions.length).toBeGreaterThan(0);
    for (const r of a.results) {
      for (const s of [r.source, ...(r.sources ?? [])]) {
        if (!s) continue;
        expect(linesOf(s.file)[s.line - 1]).toBe(s.quote);
      }
      if (r.value !== null) expect(r.source).not.toBeNull();
    }
  });
});
