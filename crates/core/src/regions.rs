//! Region names: the ones a plan file lists (with their aliases), and any other name that reads
//! as a place by its own suffix (天马街道, 球川镇, 上城区), so a township breakdown or another
//! city's file is read without a code change. Shared by the plan (which lists them), ingest
//! (which finds them in headers and rows) and matching (which strips them from labels).

use serde::{Deserialize, Serialize};

/// A region as a plan file lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub name: String,
    /// Other spellings a file may use (柯城 for 柯城区); the report shows `name`.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The whole area (全市, 合计) rather than one of its parts: a title that names it says
    /// nothing about who submitted the file.
    #[serde(default)]
    pub whole: bool,
}

/// Endings that make a short name a place: 柯城区, 江山市, 球川镇, 天马街道, 何家乡, 金川社区.
const PLACE_SUFFIXES: &[&str] = &[
    "街道",
    "社区",
    "新城",
    "开发区",
    "省",
    "市",
    "县",
    "区",
    "镇",
    "乡",
    "村",
];

/// Words that end like a place but are not one: categories (城镇/农村), kinds of area, and
/// the bare suffixes themselves.
const NOT_PLACES: &[&str] = &[
    "城镇",
    "农村",
    "乡村",
    "城乡",
    "乡镇",
    "村镇",
    "地区",
    "城区",
    "市区",
    "郊区",
    "辖区",
    "小区",
    "园区",
    "景区",
    "山区",
    "社区",
    "街道",
    "城市",
    "县城",
    "县市区",
    "县区",
    "区县",
    "市县",
    "所属地区",
];

/// Column or row headers that say "the names below are regions".
const REGION_HEADER_WORDS: &[&str] = &[
    "地区",
    "区域",
    "县（市、区）",
    "县(市、区)",
    "县市区",
    "乡镇",
    "街道",
    "镇街",
    "社区",
    "学校",
    "单位名称",
    "地方",
    "行政区划",
    "区划",
    "县区",
    "区县",
    "所属地区",
];

/// A region header is a short word (乡镇（街道）); a longer text with one in it is an indicator
/// (社区儿童维权机构覆盖率).
const MAX_REGION_HEADER_CHARS: usize = 8;

/// The longest names a place may have; longer texts are sentences or labels.
const MAX_PLACE_CHARS: usize = 12;

/// Every spelling of the plan's regions, longest first, and the shape rules for the rest.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegionBook {
    /// (spelling, index into `regions`), longest spelling first so 衢州智造新城 wins over 智造新城.
    spellings: Vec<(String, usize)>,
    regions: Vec<Region>,
}

impl RegionBook {
    pub fn new(regions: &[Region]) -> RegionBook {
        let mut spellings: Vec<(String, usize)> = regions
            .iter()
            .enumerate()
            .flat_map(|(i, r)| {
                std::iter::once(&r.name)
                    .chain(&r.aliases)
                    .map(move |s| (s.trim().to_string(), i))
            })
            .filter(|(s, _)| !s.is_empty())
            .collect();
        spellings.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        RegionBook {
            spellings,
            regions: regions.to_vec(),
        }
    }

    /// The plan's name for a text that is exactly one of its regions' spellings.
    pub fn known(&self, text: &str) -> Option<&str> {
        let text = text.trim();
        self.spellings
            .iter()
            .find(|(s, _)| s == text)
            .map(|&(_, i)| self.regions[i].name.as_str())
    }

    /// The region a text names: the plan's name for a known spelling, else the text itself when
    /// it reads as a place.
    pub fn recognise(&self, text: &str) -> Option<String> {
        let text = text.trim();
        self.known(text)
            .map(str::to_string)
            .or_else(|| looks_like_place(text).then(|| text.to_string()))
    }

    /// The longest known spelling inside a text, as the plan's name.
    pub fn find_in(&self, text: &str) -> Option<&str> {
        self.spellings
            .iter()
            .find(|(s, _)| text.contains(s.as_str()))
            .map(|&(_, i)| self.regions[i].name.as_str())
    }

    /// The text after a known spelling at its start (柯城区婴儿死亡率 → 婴儿死亡率).
    pub fn strip_known_prefix<'a>(&self, text: &'a str) -> Option<&'a str> {
        self.spellings
            .iter()
            .find_map(|(s, _)| text.strip_prefix(s.as_str()))
    }

    /// Whether a plan's region name is the whole area.
    pub fn is_whole(&self, name: &str) -> bool {
        self.regions.iter().any(|r| r.name == name && r.whole)
    }

    /// The region a title or a 填报单位 line begins with: a known spelling anywhere in it, else
    /// a place-shaped start (常山县妇儿工委办 → 常山县). Whole-area names are skipped: a title
    /// naming the city is most likely the plan's own name.
    pub fn submitter_in(&self, line: &str) -> Option<String> {
        if let Some(known) = self.find_in(line) {
            return (!self.is_whole(known)).then(|| known.to_string());
        }
        place_prefix(line.trim()).map(str::to_string)
    }
}

/// A header that says the names under or beside it are regions.
pub fn is_region_header(text: &str) -> bool {
    let t = text.trim();
    REGION_HEADER_WORDS.iter().any(|w| t.contains(w))
        && t.chars().count() <= MAX_REGION_HEADER_CHARS
}

/// A short name that ends like a place (柯城区, 天马街道, 何家乡) and is not a word such as 城镇.
pub fn looks_like_place(text: &str) -> bool {
    let chars = text.chars().count();
    if !(2..=MAX_PLACE_CHARS).contains(&chars) || NOT_PLACES.contains(&text) {
        return false;
    }
    let all_names = text
        .chars()
        .all(|c| is_cjk(c) || matches!(c, '（' | '）' | '(' | ')' | '·'));
    all_names
        && PLACE_SUFFIXES
            .iter()
            .any(|s| text.ends_with(s) && text.chars().count() > s.chars().count())
}

/// The longest place-shaped start of a text: 常山县妇儿工委办 → 常山县, 贺村镇中心小学 → 贺村镇
/// (not 贺村).
fn place_prefix(text: &str) -> Option<&str> {
    text.char_indices()
        .map(|(i, c)| &text[..i + c.len_utf8()])
        .take(MAX_PLACE_CHARS)
        .filter(|prefix| looks_like_place(prefix))
        .last()
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quzhou() -> RegionBook {
        RegionBook::new(&[
            Region {
                name: "衢州市".into(),
                aliases: vec!["全市".into()],
                whole: true,
            },
            Region {
                name: "柯城区".into(),
                aliases: vec!["柯城".into()],
                whole: false,
            },
            Region {
                name: "智造新城".into(),
                aliases: vec![],
                whole: false,
            },
            Region {
                name: "衢州智造新城".into(),
                aliases: vec![],
                whole: false,
            },
        ])
    }

    #[test]
    fn known_names_and_aliases_become_the_plans_name() {
        let book = quzhou();
        assert_eq!(book.known(" 柯城 "), Some("柯城区"));
        assert_eq!(book.known("全市"), Some("衢州市"));
        assert_eq!(book.find_in("衢州智造新城2023年"), Some("衢州智造新城"));
        assert_eq!(
            book.strip_known_prefix("柯城区婴儿死亡率"),
            Some("婴儿死亡率")
        );
    }

    #[test]
    fn places_are_recognised_by_their_suffix() {
        let book = RegionBook::default();
        for place in [
            "天马街道",
            "球川镇",
            "何家乡",
            "上城区",
            "建德市",
            "桐庐县",
            "金川社区",
            "芳村村",
        ] {
            assert_eq!(book.recognise(place).as_deref(), Some(place), "{place}");
        }
        for not_place in [
            "城镇",
            "农村",
            "社区",
            "婴儿死亡率",
            "2023年",
            "儿童友好城市建设率",
            "区",
            "指标名称",
        ] {
            assert_eq!(book.recognise(not_place), None, "{not_place}");
        }
    }

    #[test]
    fn the_submitter_is_a_part_not_the_whole() {
        let book = quzhou();
        assert_eq!(
            book.submitter_in("填报单位：柯城区妇儿工委办").as_deref(),
            Some("柯城区")
        );
        assert_eq!(book.submitter_in("衢州市儿童发展规划监测表"), None);
        assert_eq!(
            book.submitter_in("常山县妇儿工委办").as_deref(),
            Some("常山县")
        );
        assert_eq!(
            book.submitter_in("天马街道妇联").as_deref(),
            Some("天马街道")
        );
        assert_eq!(
            book.submitter_in("贺村镇中心小学").as_deref(),
            Some("贺村镇")
        );
        assert_eq!(book.submitter_in("儿童发展规划监测表"), None);
    }

    #[test]
    fn region_headers() {
        assert!(is_region_header("乡镇（街道）"));
        assert!(is_region_header("县（市、区）"));
        assert!(is_region_header("地区"));
        assert!(!is_region_header("单位"));
        assert!(!is_region_header("指标名称"));
        assert!(!is_region_header("社区儿童维权机构覆盖率"));
    }
}
