/**
 * Chinese and Japanese surnames that MT carries over into Korean news in English (Wang Yi, Xi
 * Jinping, Li Qiang, Kishida Fumio). Issue 3: "Chinese and Japanese names that MT carries over
 * are names too". Data only.
 *
 * Chinese: the most common surnames in Hanyu Pinyin (Wikipedia, "List of common Chinese surnames",
 * which ranks them by the Ministry of Public Security's 2019 household register count), plus the
 * surnames of Chinese leaders who appear in Korean foreign-affairs news (Xi, Li, Wang, Zhao, Cai).
 * Japanese: the most common family names (Wikipedia, "List of most common Japanese family names")
 * plus those of recent prime ministers and foreign ministers.
 */

/** Chinese surnames in pinyin, lower-case, without tone marks. */
export const CHINESE_SURNAMES: readonly string[] = [
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu',
  'guo', 'he', 'lin', 'gao', 'luo', 'zheng', 'liang', 'xie', 'song', 'tang', 'han', 'feng', 'deng', 'cao', 'peng',
  'zeng', 'xiao', 'tian', 'dong', 'pan', 'yuan', 'cai', 'jiang', 'yu', 'du', 'ye', 'cheng', 'wei', 'su', 'lu',
  'ding', 'ren', 'shen', 'yao', 'jin', 'xi', 'qin', 'fu', 'fan', 'fang', 'shi', 'bai', 'cui', 'kang', 'mao',
  'qiu', 'hou', 'shao', 'meng', 'long', 'wan', 'duan', 'lei', 'qian', 'yin', 'hao', 'kong', 'xiong', 'zou',
];

/** Japanese family names in Hepburn, lower-case, long vowels unmarked. */
export const JAPANESE_SURNAMES: readonly string[] = [
  'sato', 'suzuki', 'takahashi', 'tanaka', 'watanabe', 'ito', 'yamamoto', 'nakamura', 'kobayashi', 'kato',
  'yoshida', 'yamada', 'sasaki', 'yamaguchi', 'matsumoto', 'inoue', 'kimura', 'hayashi', 'shimizu', 'saito',
  'kishida', 'ishiba', 'abe', 'suga', 'takaichi', 'kono', 'motegi', 'kamikawa', 'iwaya', 'koizumi', 'noda',
  'hatoyama', 'aso', 'fukuda', 'hashimoto', 'obuchi', 'mori', 'kan', 'okada', 'hamada', 'kihara', 'matsuno',
];
