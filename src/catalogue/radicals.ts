/**
 * CJK radical code points that PDF fonts map glyphs to (Noto CJK's and many CID fonts' ToUnicode tables
 * give 民 as ⺠ U+2EA0 and 西 as ⻄ U+2EC4): the text then looks right but matches nothing, and
 * "霍城县人⺠政府" is filed as an agency of its own. NFKC already folds the Kangxi Radicals block
 * (U+2F00–U+2FD5) and two of these; the rest of the CJK Radicals Supplement has no decomposition, so its
 * equivalent unified ideographs (Unicode's EquivalentUnifiedIdeograph.txt) are listed here.
 */
export const RADICAL_EQUIVALENTS: Readonly<Record<string, string>> = {
  '⺁': '厂', '⺂': '乛', '⺃': '乚', '⺄': '乙', '⺅': '亻', '⺆': '冂', '⺉': '刂', '⺊': '卜', '⺋': '㔾', '⺌': '小',
  '⺍': '小', '⺎': '兀', '⺏': '尣', '⺐': '尢', '⺒': '巳', '⺓': '幺', '⺔': '彑', '⺕': '彐', '⺖': '忄', '⺗': '心',
  '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺜': '日', '⺝': '月', '⺞': '歺', '⺟': '母', '⺠': '民', '⺡': '氵', '⺢': '氺',
  '⺣': '灬', '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺧': '牛', '⺨': '犭', '⺩': '王', '⺪': '疋', '⺫': '目', '⺬': '示',
  '⺭': '礻', '⺮': '竹', '⺯': '糹', '⺰': '纟', '⺱': '罓', '⺲': '罒', '⺳': '罒', '⺴': '罒', '⺵': '罒', '⺶': '羊',
  '⺷': '羊', '⺸': '羊', '⺹': '耂', '⺺': '肀', '⺻': '聿', '⺼': '肉', '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹',
  '⻁': '虎', '⻂': '衤', '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角', '⻇': '角', '⻈': '讠', '⻉': '贝', '⻊': '足',
  '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '钅', '⻑': '長', '⻒': '镸', '⻓': '长', '⻔': '门',
  '⻕': '阜', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻟': '飠',
  '⻠': '饣', '⻡': '首', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄',
  '⻪': '黾', '⻫': '斉', '⻬': '齐', '⻭': '歯', '⻮': '齿', '⻯': '竜', '⻰': '龙', '⻱': '龜', '⻲': '亀', '⻳': '龟',
};
