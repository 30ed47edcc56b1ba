/**
 * Characters of place names that OCR and hurried typing take for one another (沭阳 printed 沐阳, 亳州 as
 * 毫州): a one-character difference between a printed place and a gazetteer place counts as evidence of a
 * misread only for these pairs, or when the report itself spells the gazetteer's name somewhere.
 */
const PAIRS: readonly string[] = [
  '沭沐', '泗洒', '鄞勤', '郓郸', '滦栾', '汶汝', '洮洸', '睢睦', '亳毫', '邳丕', '盱旴', '泾径', '渑绳', '涿琢', '鄄甄', '莒宫',
  '郯剡', '邗刊', '颍颖', '鄢焉', '浚俊', '郏夹', '沁泌', '潞路', '榆愉', '桐铜', '柘拓', '婺务', '衢瞿', '歙翕', '黟黔', '枞纵',
  '濮璞', '郾偃', '汨汩', '澧沣', '溆淑', '涟连', '祁祈', '郴彬', '耒未', '浏刘', '兖衮', '泸沪', '洛落', '淮准', '滁涂', '潍维',
  '嵊剩', '瓯欧', '鹿麓', '汴卞', '沅元', '漯潔', '洺沼', '崂劳', '嵩蒿', '潭谭', '邛卭', '郫埤', '泷沈', '郧陨',
  '莘辛', '茌荏', '聊柳', '淄缁', '赣贛', '鄱番', '婺骛', '灌瓘', '濉睢', '涪培', '綦綮', '犍健', '阆浪', '邕雍',
];

const MAP = new Map<string, Set<string>>();
for (const p of PAIRS) {
  const [a, b] = [...p] as [string, string];
  if (a === b) continue;
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const s = MAP.get(x) ?? new Set<string>();
    s.add(y);
    MAP.set(x, s);
  }
}

/** Whether two characters are a known confusable pair. */
export function confusable(a: string, b: string): boolean {
  return MAP.get(a)?.has(b) ?? false;
}

/** The characters a character is taken for (the generator misreads place names with these). */
export function confusablesOf(c: string): readonly string[] {
  return [...(MAP.get(c) ?? [])];
}
