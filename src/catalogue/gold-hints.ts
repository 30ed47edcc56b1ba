/**
 * How a hand-read gold file names a figure (its `metric_hint`) → the catalogue key ingest stores it
 * under. Gold files are written by people reading a report, in their own words ("outcome.granted",
 * "proactive.penalties.decisions", "proactive.total.prose"); the evaluation needs the key, the
 * column (cumulative) and whether the figure is read from the table or from a sentence.
 *
 * Conventions:
 * - A hint ending in ".prose" is the figure as a sentence states it: the same key, origin prose.
 * - Table 三 outcomes differ by format: the 2019/2021 row (requests.result.*) or the pre-2019 national
 *   form's answer rows (requests.answered.*).
 * - A hint with no key here (prose.site_visits, proactive.by_type …) names a figure the catalogue does
 *   not hold: reported as "not in the catalogue", never counted as exact or wrong.
 */
import type { ReportFormat } from '../ingest/model.ts';

export interface HintTarget {
  metric: string;
  cumulative?: boolean;
  /** Which origin to match first ('table' unless the hint says prose). */
  origin?: 'table' | 'prose';
}

type ByFormat = { modern: string; pre2019: string };

const BY_FORMAT: Record<string, ByFormat> = {
  'outcome.granted': { modern: 'requests.result.disclosed', pre2019: 'requests.answered.agreed' },
  'outcome.partial': { modern: 'requests.result.partial', pre2019: 'requests.answered.partially_agreed' },
  'outcome.refused': { modern: 'requests.result.withheld', pre2019: 'requests.answered.refused' },
  'outcome.total': { modern: 'requests.result.total', pre2019: 'requests.answered' },
};

const SAME_FOR_ALL: Record<string, HintTarget> = {
  'requests.new': { metric: 'requests.new' },
  'requests.carried': { metric: 'requests.carried_over' },
  'requests.carried_forward': { metric: 'requests.carried_forward' },
  'outcome.other.no_correction': { metric: 'requests.result.other_handling.no_correction' },
  'outcome.other.no_fee': { metric: 'requests.result.other_handling.no_fee' },
  'outcome.not_processed.duplicate': { metric: 'requests.result.not_processed.repeated' },
  'outcome.refused.enforcement_file': { metric: 'requests.result.withheld.enforcement_file' },
  'outcome.unavailable.not_held': { metric: 'requests.result.unavailable.not_held' },
  'review.total': { metric: 'review.total' },
  'review.total.prose': { metric: 'review.total', origin: 'prose' },
  'litigation.total': { metric: 'litigation.total' },
  'litigation.direct.total': { metric: 'litigation.direct.total' },
  'litigation.after_review.total': { metric: 'litigation.after_review.total' },
  'proactive.penalties.decisions': { metric: 'penalty.decisions' },
  'proactive.penalties.prev_year': { metric: 'penalty.prev_items' },
  'proactive.penalties.change': { metric: 'penalty.change' },
  'proactive.licences.decisions': { metric: 'licensing.decisions' },
  'proactive.licences.change': { metric: 'licensing.change' },
  'proactive.enforcement.decisions': { metric: 'coercion.decisions' },
  'proactive.enforcement.prev_year': { metric: 'coercion.prev_items' },
  'proactive.other_services.decisions': { metric: 'other_services.decisions' },
  'proactive.normative_docs.issued': { metric: 'normative_docs.issued' },
  'proactive.normative_docs.in_force': { metric: 'normative_docs.in_force' },
  'proactive.normative_docs.new': { metric: 'normative_docs.made' },
  'proactive.normative_docs.total': { metric: 'normative_docs.public_total' },
  'proactive.fees.amount_wan': { metric: 'fees.amount' },
  'proactive.procurement.amount': { metric: 'procurement.amount' },
  'proactive.total': { metric: 'proactive.total' },
  'proactive.total.prose': { metric: 'proactive.total', origin: 'prose' },
  'proactive.cumulative': { metric: 'proactive.total', cumulative: true },
  'proactive.website': { metric: 'proactive.website' },
  'proactive.website.prose': { metric: 'proactive.website', origin: 'prose' },
  'proactive.gazette': { metric: 'proactive.gazette' },
  'requests.channel.in_person': { metric: 'requests.new.in_person' },
  'requests.channel.online': { metric: 'requests.new.online' },
  'requests.channel.email': { metric: 'requests.new.email' },
  'complaints.total': { metric: 'complaints.total' },
  // 政府信息公开收费减免金额 (the national form's fee row).
  'fees.yuan': { metric: 'fees.waived' },
  'fees.processing': { metric: 'fees.collected' },
  'staff.part_time': { metric: 'org.staff_parttime' },
  'budget.wan_yuan': { metric: 'org.budget' },
};

/** The catalogue target of a gold hint for a report of this format; null when the catalogue has none. */
export function hintTarget(hint: string, format: ReportFormat): HintTarget | null {
  const byFormat = BY_FORMAT[hint];
  if (byFormat) return { metric: format === '2019' || format === '2021' ? byFormat.modern : byFormat.pre2019 };
  return SAME_FOR_ALL[hint] ?? null;
}
