/**
 * The words agency names are made of, in one place: the organ words a name ends with, the header labels
 * printed before a name, the words that may stand before a name in a question without being part of it,
 * and the rules that turn an organ's full name into the short ones people type. Identity (ingest),
 * alias derivation (names.ts) and the question reader (query) all build their patterns from these lists,
 * so a word added here is known everywhere at once.
 */

export interface OrganWord {
  word: string;
  /**
   * Also read as an agency's end in a question's leftover text ("商务部" → an agency we lack). Words that
   * end everyday words too (会: 机会; 社, 行, 处 …) are for printed names only.
   */
  question: boolean;
  /** Right after an agency found in a question, starts another agency: "鹿城区政府办" is not 鹿城区政府. */
  sub: boolean;
}

/** Organ words, longest first where one ends another (管理委员会 before 委员会 before 会). */
export const ORGAN_WORDS: readonly OrganWord[] = [
  { word: '人民政府', question: true, sub: false },
  { word: '政府', question: true, sub: false },
  { word: '管理委员会', question: true, sub: true },
  { word: '管委会', question: true, sub: true },
  { word: '委员会', question: true, sub: true },
  { word: '办事处', question: true, sub: true },
  { word: '办公厅', question: true, sub: true },
  { word: '办公室', question: true, sub: true },
  { word: '管理局', question: true, sub: true },
  { word: '总局', question: true, sub: true },
  { word: '分局', question: true, sub: true },
  { word: '局', question: true, sub: true },
  { word: '委', question: true, sub: true },
  { word: '办', question: true, sub: true },
  { word: '中心', question: true, sub: true },
  { word: '厅', question: true, sub: true },
  { word: '部', question: true, sub: false },
  { word: '署', question: true, sub: true },
  { word: '院', question: true, sub: false },
  { word: '所', question: true, sub: true },
  { word: '队', question: true, sub: true },
  { word: '站', question: true, sub: true },
  { word: '兵团', question: true, sub: false },
  { word: '会', question: false, sub: false },
  { word: '处', question: false, sub: false },
  { word: '馆', question: false, sub: false },
  { word: '社', question: false, sub: false },
  { word: '公司', question: false, sub: false },
  { word: '集团', question: false, sub: false },
  { word: '行', question: false, sub: false },
  { word: '校', question: false, sub: false },
  { word: '大学', question: false, sub: false },
  { word: '学院', question: false, sub: false },
  { word: '科', question: false, sub: false },
  { word: '室', question: false, sub: false },
  { word: '团', question: false, sub: false },
];

/**
 * Place and unit words a name may end with, meaning the government or governing body of that place
 * (淮安市洪泽区 → its 人民政府; 平潭综合实验区 → its 管理委员会).
 */
export const PLACE_WORDS: readonly string[] = [
  '综合实验区', '实验区', '开发区', '园区', '保税区', '新区', '片区', '街道', '省', '市', '区', '县', '旗', '盟', '州', '镇', '乡',
];

/** The level characters a place name ends with (温州市, 鹿城区, 黔东南州 …), and those of towns. */
export const PLACE_LEVEL_CHARS = '省市区县旗州盟';
export const TOWN_LEVEL_CHARS = '镇乡';

const alt = (words: readonly string[]): string => [...words].sort((a, b) => b.length - a.length).join('|');

/** A printed name ends like an agency: an organ, or a place whose government is meant. */
export const AGENCY_NAME_END = new RegExp(`(?:${alt([...ORGAN_WORDS.map((o) => o.word), ...PLACE_WORDS])})$`, 'u');
/** Leftover question text that ends like an agency ("商务部", "杭州高新区管委会", "北京市"). */
export const QUESTION_AGENCY_END = new RegExp(`(?:${alt([...ORGAN_WORDS.filter((o) => o.question).map((o) => o.word), ...PLACE_WORDS])})$`, 'u');
/**
 * Not an agency though it ends like one: a pronoun before an organ or level word ("本机关", "我局",
 * "各级行政机关" — not any name starting with those characters: "本溪市明山区文化和旅游局"), or page
 * furniture ("…门户网站").
 */
export const NOT_AGENCY_NAME = new RegExp(
  `^(?:本|我|该|各)(?:级|机关|单位|部门|系统|${alt([...ORGAN_WORDS.map((o) => o.word), ...PLACE_WORDS])})|(?:网站|门户|首页|平台|栏目|专栏|专题)$`,
  'u',
);

const BARE_ORGANS = new Set([
  ...ORGAN_WORDS.filter((o) => o.word.length >= 2).map((o) => o.word),
  '街道办事处',
]);
/** A name that is only an organ word ("人民政府", "办公室", "管委会"): the tail of a name broken over lines. */
export function isBareOrgan(name: string): boolean {
  return BARE_ORGANS.has(name) || ORGAN_RULES.some((r) => r.full === name || r.short.includes(name));
}

/** Text right after an agency found that names an office of it ("鹿城区政府办公室": 办公室). */
export const SUB_AGENCY_START = new RegExp(`^(?:${alt(ORGAN_WORDS.filter((o) => o.sub).map((o) => o.word))})`, 'u');
/** The organ words of "X和Y局"-shaped department names (经济和信息化局, 发展和改革委员会). */
export const AND_NAME_ORGANS = ['局', '委员会', '委', '厅', '办公室', '中心'] as const;

/**
 * Labels printed before a name on a page header or a form ("名称：沭阳县发展和改革局", "发布机构: …"):
 * never part of the name.
 */
/** Labels whose value is the reporting agency itself (a form's 填报单位, a page's 发布机构). */
export const AGENCY_LABELS: readonly string[] = ['填报单位', '报送单位', '编制单位', '发布机构', '发布单位', '公开单位', '单位名称', '机构名称', '名称'];
export const HEADER_LABELS: readonly string[] = [...AGENCY_LABELS, '责任单位', '主办单位', '信息来源', '标题', '来源', '发文机关'];
const HEADER_LABEL_RE = new RegExp(`^(?:${alt(HEADER_LABELS)})\\s*[:：]\\s*`, 'u');
const BARE_LABEL_RE = new RegExp(`^(?:${alt(HEADER_LABELS)})`, 'u');
/** "填报单位：温州市商务局" anywhere in a line (a label not glued to a word before it: not 指标名称). */
export const AGENCY_LABEL_VALUE = new RegExp(
  `(?:${alt(AGENCY_LABELS).split('|').map((l) => (l === '名称' ? '(?<!\\p{sc=Han})名称' : l)).join('|')})[:：]([\\p{sc=Han}（）()]{2,40})`,
  'u',
);

/**
 * A name without the header label printed before it ("名称：沭阳县发展和改革局" → "沭阳县发展和改革局"). A
 * label whose colon was lost with the spacing ("名称沭阳县发展和改革局", a form's cells squeezed together)
 * goes too when what follows starts with a place and the whole does not (`startsWithPlace`).
 */
export function stripNameLabel(name: string, startsWithPlace?: (s: string) => boolean): string {
  const labelled = name.replace(HEADER_LABEL_RE, '');
  if (labelled !== name || !startsWithPlace) return labelled;
  const bare = BARE_LABEL_RE.exec(name);
  if (bare && !startsWithPlace(name) && startsWithPlace(name.slice(bare[0].length))) return name.slice(bare[0].length);
  return name;
}

/**
 * Single characters that may stand right before an agency name in a question without being part of it
 * ("问统计局", "查鹿城区的…", "温州市统计局和鹿城区统计局").
 */
export const LEAD_IN_CHARS = '问查的和与及跟同是看在了对比较把给让请';
/** Words before an agency name in a question beyond the question fillers (question-fillers.ts). */
export const LEAD_IN_WORDS: readonly string[] = [
  '关于', '说说', '讲讲', '介绍', '问问', '查下', '想看', '看下', '想查', '要查', '搜索', '搜', '找', '调取', '提供', '比较', '对比', '统计一下',
];
/** Words that join two agency names. */
export const JOINER_CHARS = '和与及跟同';

/**
 * Words before a department name that say it is another level's or another system's department, not the
 * place's in the index: 国家统计局, 中央…, 兵团统计局, 省直…. (Any other unknown word before a bare
 * department name is treated the same way; these are named so the rule reads as data.)
 */
export const OTHER_LEVEL_WORDS: readonly string[] = ['国家', '中央', '中共', '国务院', '全国', '兵团', '省直', '省级', '市直', '部属', '海关', '铁路'];

/**
 * Full organ spelling ↔ the shorter ones people type and print. Used both ways: alias derivation adds
 * every short form of a name's organ (管理委员会 → 管委会); canonical names take the full form when a
 * report prints the short one (平潭综合实验区管委会 → 平潭综合实验区管理委员会). `expand` says whether the
 * short form may be expanded in a stored name (政府办 is also a 办's name and is not expanded).
 */
export interface OrganRule {
  full: string;
  short: string[];
  expand: boolean;
}
export const ORGAN_RULES: readonly OrganRule[] = [
  { full: '管理委员会', short: ['管委会'], expand: true },
  { full: '人民政府办公厅', short: ['政府办公厅', '政府办'], expand: false },
  { full: '人民政府办公室', short: ['政府办公室', '政府办'], expand: false },
  { full: '人民政府', short: ['政府'], expand: false },
  { full: '综合实验区', short: ['实验区'], expand: false },
];

/** A stored name with its organ in full (…管委会 → …管理委员会). */
export function expandOrgan(name: string): string {
  for (const r of ORGAN_RULES) {
    if (!r.expand) continue;
    for (const s of r.short) if (name.endsWith(s) && !name.endsWith(r.full)) return name.slice(0, -s.length) + r.full;
  }
  return name;
}
