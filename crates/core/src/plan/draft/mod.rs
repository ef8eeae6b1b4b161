//! The plan drafter (issue 26): a plan's own text → a draft [`Plan`] for a person to review, and
//! the sentences it left out, each with why. Nothing here consults the built-in catalogue, and
//! nothing is invented: every target quotes, verbatim, the sentence or table row it comes from,
//! and its figure stands in that quote.
//!
//! The walk: the file's bytes → a [`Document`] of text blocks and tables (`input`) → sections and
//! sentences (`document`) → targets per clause (`phrase`) and rows per table (`table`) → the plan.
//!
//! What the draft leaves to the review: the plan's own region (`regions` stays empty: a county
//! plan's text rarely says which county in a form worth trusting), English names, and every
//! indicator with a note that starts “请核对”.

pub mod document;
mod error;
mod input;
pub mod phrase;
pub mod table;

pub use document::{Block, Document};
pub use error::DraftError;
pub use input::{read_document, MAX_DRAFT_BYTES};

use super::{
    Baseline, Domain, Excluded, Indicator, Kind, Monitoring, Op, Period, Plan, Source, Target,
    PLAN_SCHEMA,
};
use crate::ingest::value::half_width;
use crate::numbers::Comparator;
use crate::Codecs;
use document::{clauses, figure_spans, holds_figure, walk, Piece, Section};
use phrase::{Bound, PhraseTarget, Shape};
use serde::Serialize;
use table::{Row, TargetCell, Years};

/// A draft: the plan as drafted (its `excluded` lists the sentences left out) and what the
/// drafter could not settle on its own, for the review.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Draft {
    pub plan: Plan,
    /// Questions for the review about the whole plan (its period, its region …), in Chinese.
    pub questions: Vec<String>,
}

/// Options of a draft.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DraftOptions {
    /// The file's name, kept as the plan's `source_document` when the text has no title.
    pub file_name: String,
}

/// A plan file's bytes (plain text in UTF-8, GB18030 or UTF-16, a .docx, a saved web page) as a
/// draft plan. This is what the page's worker and the CLI call.
pub fn draft_file(bytes: &[u8], file_name: &str, codecs: &Codecs) -> Result<Draft, DraftError> {
    let document = read_document(bytes, file_name, codecs)?;
    let options = DraftOptions {
        file_name: file_name.to_string(),
    };
    Ok(draft_document(&document, &options))
}

/// [`draft_file`] with the core's own decoders (the CLI, the tests, a native host).
#[cfg(feature = "own-codecs")]
pub fn draft_bytes(bytes: &[u8], file_name: &str) -> Result<Draft, DraftError> {
    draft_file(bytes, file_name, &Codecs::OWN)
}

/// Pasted text as a draft plan; an empty text is an error.
pub fn draft_text(text: &str, options: &DraftOptions) -> Result<Draft, DraftError> {
    if text.trim().is_empty() {
        return Err(DraftError::Empty {
            file: options.file_name.clone(),
        });
    }
    Ok(draft_document(&Document::from_text(text), options))
}

/// A document as a draft plan.
pub fn draft_document(document: &Document, options: &DraftOptions) -> Draft {
    let whole_text = document
        .blocks
        .iter()
        .map(|b| match b {
            Block::Text(t) => t.clone(),
            Block::Table(rows, _) => rows
                .iter()
                .map(|r| r.join(" "))
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let (period, period_found) = period_of(&document.title, &whole_text);
    let mut drafter = Drafter {
        has_headings: false,
        too_many: false,
        period,
        ids: Default::default(),
        domains: Vec::new(),
        indicators: Vec::new(),
        excluded: Vec::new(),
        review_bases: Vec::new(),
    };
    let pieces = walk(document);
    drafter.has_headings = pieces.iter().any(|p| match p {
        Piece::Sentence { section, .. }
        | Piece::FlatTable { section, .. }
        | Piece::Table { section, .. } => !section.is_preamble(),
    });
    for piece in pieces {
        match piece {
            Piece::Sentence { text, section } => drafter.sentence(&text, &section),
            Piece::FlatTable {
                title,
                header,
                text,
                section,
            } => {
                let (rows, rest) = table::flat_rows(&text);
                let years = table::header_years(&header);
                drafter.table(&title, years, rows, &section);
                for sentence in rest.split(['。', '；', ';']) {
                    if !sentence.trim().is_empty() {
                        drafter.sentence(sentence.trim(), &section);
                    }
                }
            }
            Piece::Table {
                title,
                rows,
                lines,
                section,
            } => match table::cell_rows(&rows, &lines) {
                Some((years, read)) => drafter.table(&title, years, read, &section),
                // No header of a table: each row is text, as the file writes it.
                None => {
                    for (k, row) in rows.iter().enumerate() {
                        let text = match lines.get(k).filter(|l| !l.trim().is_empty()) {
                            Some(line) => line.trim().to_string(),
                            None => row.join(" "),
                        };
                        drafter.sentence(&text, &section);
                    }
                }
            },
        }
    }
    drafter.attach_review_bases();
    let mut questions = vec![
        "本规划所属地区未填写（regions 为空）：请在核对时填写，起草器不猜测地区。".to_string(),
    ];
    if drafter.too_many {
        questions.push(format!(
            "文本中的目标超过 {MAX_TARGETS} 项，之后的部分未起草：请只保留一份规划的正文和指标表。"
        ));
    }
    if !period_found {
        questions.push(format!(
            "未在标题或正文中找到规划期，暂按{}—{}年起草，请核对。",
            period.start, period.end
        ));
    }
    let title = if document.title.is_empty() {
        options.file_name.clone()
    } else {
        document.title.clone()
    };
    let plan = Plan {
        schema: PLAN_SCHEMA.into(),
        id: format!("draft-{}", short_hash(&title)),
        title: title.clone(),
        title_en: String::new(),
        period,
        baseline_year: period.start - 1,
        monitoring: Monitoring::default(),
        sample: None,
        regions: Vec::new(),
        source_document: if options.file_name.is_empty() {
            title
        } else {
            options.file_name.clone()
        },
        notes: vec![
            "本规划文件由 duibiao plan draft 从规划原文起草，未经人工核对：每个指标都引用原文，请逐条核对名称、比较方式、目标值和基期值。".into(),
            "Drafted from the plan's text by duibiao; not yet reviewed by a person.".into(),
        ],
        domains: drafter.domains,
        indicators: drafter.indicators,
        excluded: drafter.excluded,
        checks: Default::default(),
        check_problems: Vec::new(),
    };
    Draft { plan, questions }
}

/// A value a review sentence reports (“2020年为96.95%”), to serve as an indicator's base.
struct ReviewBase {
    name: String,
    year: i32,
    value: f64,
    quote: String,
}

/// A sentence longer than this is quoted clause by clause: a text without full stops would
/// otherwise copy itself into every target's quote.
const MAX_QUOTE_CHARS: usize = 1_000;
/// The most targets one draft holds: a national plan has about 150; past this the text is not a
/// plan (or not one plan), and the review is told so.
pub const MAX_TARGETS: usize = 2_000;

struct Drafter {
    /// The text has headings (一、, （一）, 第X章): what stands before the first is a preamble.
    has_headings: bool,
    /// [`MAX_TARGETS`] was reached: the rest of the text was not drafted.
    too_many: bool,
    period: Period,
    /// The ids given so far, so a new one is found unused at once.
    ids: std::collections::HashSet<String>,
    domains: Vec<Domain>,
    indicators: Vec<Indicator>,
    excluded: Vec<Excluded>,
    review_bases: Vec<ReviewBase>,
}

/// When a sentence speaks: of a year gone by (a review or a report), or of the plan's goals.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tense {
    Goal,
    /// States a value and its change since a past year (“为94.9%，比2021年提高0.3个百分点”): a
    /// report of that year's successor, not a goal.
    Reported(i32),
    /// Reports what a year (before the plan's end) stood at.
    Past(i32),
}

impl Drafter {
    fn domain_id(&mut self, name: &str) -> String {
        let name = if name.is_empty() { "全文" } else { name };
        let id = format!("d-{}", short_hash(name));
        if !self.domains.iter().any(|d| d.id == id) {
            self.domains.push(Domain {
                id: id.clone(),
                name: name.to_string(),
                name_en: String::new(),
            });
        }
        id
    }

    /// An id from the name (and the domain, and an ordinal among the same name): the same text
    /// drafts the same ids, and a sentence added elsewhere does not move them.
    fn indicator_id(&self, name: &str, domain: &str) -> String {
        let base = format!("i-{}", short_hash(&format!("{domain}/{name}")));
        let mut id = base.clone();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    fn exclude(&mut self, quote: &str, section: &Section, reason: impl Into<String>) {
        self.excluded.push(Excluded {
            quote: quote.to_string(),
            section: section.label(),
            reason: reason.into(),
        });
    }

    fn sentence(&mut self, sentence: &str, section: &Section) {
        let tense = tense_of(sentence, self.period);
        let parts = clauses(sentence);
        if let Tense::Reported(since) = tense {
            if holds_figure(sentence) {
                self.exclude(
                    sentence,
                    section,
                    format!("报告：已达到的数值及其与{since}年相比的变化，不是本规划的目标"),
                );
            }
            return;
        }
        if let Tense::Past(year) = tense {
            if holds_figure(sentence) {
                self.note_review_bases(&parts, year, sentence);
                self.exclude(
                    sentence,
                    section,
                    format!(
                        "回顾或报告：写的是{year}年已达到的情况（基期值或成绩），不是本规划的目标"
                    ),
                );
            }
            return;
        }
        // Each target with the clause it came from: a sentence too long to quote whole (a text
        // without full stops) is quoted clause by clause.
        let mut found: Vec<(PhraseTarget, &str)> = Vec::new();
        let mut bases: Vec<(String, i32, f64)> = Vec::new();
        let mut previous_subject = String::new();
        let mut leftover: Vec<&str> = Vec::new();
        for clause in &parts {
            let mut read = phrase::targets(clause);
            let past_year_first = bare_years(&clause.chars().map(half_width).collect::<String>())
                .first()
                .is_some_and(|&(at, y)| at == 0 && y < self.period.end);
            if read.is_empty()
                && !previous_subject.is_empty()
                && starts_without_subject(clause)
                && !past_year_first
            {
                // “孕产妇死亡率2020年为…,到2025年控制在…”: the subject carries on.
                let carried = format!("{previous_subject}{}", without_leading_time(clause));
                read = phrase::targets(&carried);
            }
            if read.is_empty() {
                if let Some(base) = clause_base(clause, &previous_subject) {
                    bases.push(base);
                } else if holds_figure(clause) {
                    leftover.push(clause);
                }
            }
            let subject = subject_of(clause);
            if !subject.is_empty() {
                previous_subject = subject;
            }
            for t in &mut read {
                if let Some(fuller) = fuller_name(&t.name, &parts, clause) {
                    t.name = fuller;
                }
            }
            // Qualitative goals only where the text states goals: not in a preamble (a review
            // of the last period), unless the sentence names its target year or the text has no
            // headings at all (a pasted list of goals).
            let goals_here =
                !section.is_preamble() || !self.has_headings || target_year_in(sentence).is_some();
            read.retain(|t| t.shape != Shape::Qualitative || goals_here);
            found.extend(read.into_iter().map(|t| (t, *clause)));
        }
        if found.is_empty() {
            if holds_figure(sentence) {
                let reason = if bases.is_empty() {
                    why_left_out(sentence)
                } else {
                    "只有基期值，没有目标".to_string()
                };
                self.exclude(sentence, section, reason);
            }
            return;
        }
        for clause in leftover {
            self.exclude(clause, section, why_left_out(clause));
        }
        let domain = self.domain_id(&section.domain().unwrap_or_default());
        let target_year = target_year_in(sentence).unwrap_or(self.period.end);
        let whole = sentence.chars().count() <= MAX_QUOTE_CHARS;
        for (t, clause) in found {
            if self.indicators.len() >= MAX_TARGETS {
                self.too_many = true;
                return;
            }
            let quote = if whole { sentence } else { clause };
            let base = t.base.or_else(|| {
                bases
                    .iter()
                    .find(|(name, _, _)| same_indicator(name, &t.name))
                    .or(if bases.len() == 1 {
                        bases.first()
                    } else {
                        None
                    })
                    .map(|(_, y, v)| (*y, *v))
            });
            let indicator = self.indicator_of_phrase(t, base, target_year, quote, section, &domain);
            self.add(indicator);
        }
    }

    /// Adds a drafted indicator: its target year is the plan's end (a plan file's rule; a
    /// sentence's other year is noted), and a name already drafted is one measure, not two —
    /// the one with a figure is kept (a key table's row before a sentence), the other quoted in
    /// its notes and listed as left out.
    fn add(&mut self, mut indicator: Indicator) {
        if indicator.target.year != self.period.end {
            indicator.notes.push(format!(
                "原文的目标年份为{}年，不是规划期末{}年，请核对。",
                indicator.target.year, self.period.end
            ));
            indicator.target.year = self.period.end;
        }
        let key = |name: &str| -> String {
            name.chars()
                .map(half_width)
                .filter(|c| !c.is_whitespace())
                .collect()
        };
        let name = key(&indicator.name);
        let Some(at) = self.indicators.iter().position(|i| key(&i.name) == name) else {
            self.ids.insert(indicator.id.clone());
            self.indicators.push(indicator);
            return;
        };
        let existing = &self.indicators[at];
        let better =
            existing.target.op == Op::Qualitative && indicator.target.op != Op::Qualitative;
        let (kept, dropped) = if better {
            let mut replacement = indicator;
            // The id stays the first one's: an id is the name's.
            replacement.id = existing.id.clone();
            let dropped = std::mem::replace(&mut self.indicators[at], replacement);
            (at, dropped)
        } else {
            (at, indicator)
        };
        let kept = &mut self.indicators[kept];
        // A few repeats are worth a note; the rest are in `excluded` all the same.
        let repeats = kept
            .notes
            .iter()
            .filter(|n| n.starts_with("原文另有一句"))
            .count();
        if repeats < 3 {
            kept.notes.push(format!(
                "原文另有一句写同一指标：“{}”（{}），未另立指标，请核对。",
                dropped.source.quote, dropped.target.text
            ));
        }
        let reason = format!("与指标“{}”为同一测度，已按另一处立项", kept.name);
        self.excluded.push(Excluded {
            quote: dropped.source.quote,
            section: dropped.source.section,
            reason,
        });
    }

    fn indicator_of_phrase(
        &self,
        t: PhraseTarget,
        base: Option<(i32, f64)>,
        year: i32,
        sentence: &str,
        section: &Section,
        domain: &str,
    ) -> Indicator {
        let mut notes = Vec::new();
        let (op, value, upper, base_year, kind) = match t.shape {
            Shape::Figure(bound) => {
                let kind = if t.maintain {
                    Kind::Maintain
                } else if is_count_unit(&t.unit) {
                    Kind::Count
                } else {
                    Kind::Threshold
                };
                if bound == Bound::About {
                    notes.push("“左右”：约数目标，默认在目标值上下10%以内为达标，请核对。".into());
                }
                (op_of(bound), t.value, None, None, kind)
            }
            Shape::Range { upper } => (Op::Range, t.value, Some(upper), None, Kind::Count),
            Shape::DecreasePpYearly { base_year } => {
                if base_year.is_none() {
                    notes.push(format!(
                        "原文未写起算年份，暂按基期年{}年，请核对。",
                        self.period.start - 1
                    ));
                }
                (
                    Op::DecreasePpYearly,
                    t.value,
                    None,
                    Some(base_year.unwrap_or(self.period.start - 1)),
                    Kind::DecreasePpYearly,
                )
            }
            Shape::IncreaseYearly => (Op::IncreaseYearly, None, None, None, Kind::IncreaseYearly),
            Shape::Qualitative => (Op::Qualitative, None, None, None, Kind::Qualitative),
        };
        if t.name.chars().count() <= 3 {
            notes.push("请核对：指标名称较短，可能需要按上文补全。".into());
        }
        Indicator {
            id: self.indicator_id(&t.name, domain),
            domain: domain.to_string(),
            key: false,
            name: t.name,
            name_en: String::new(),
            aliases: Vec::new(),
            unit: t.unit,
            baseline: base.map(|(year, value)| Baseline {
                year,
                value,
                quote: None,
            }),
            target: Target {
                op,
                value,
                upper,
                base_year,
                year,
                text: t.words,
            },
            kind,
            source: Source {
                section: section.label(),
                quote: sentence.to_string(),
            },
            notes,
        }
    }

    /// A review sentence's figures, each with its indicator's name, kept to serve as bases.
    fn note_review_bases(&mut self, parts: &[&str], year: i32, sentence: &str) {
        let mut previous_subject = String::new();
        for clause in parts {
            if let Some((name, y, value)) = clause_base(clause, &previous_subject)
                .or_else(|| plain_figure(clause, &previous_subject).map(|(n, v)| (n, year, v)))
            {
                self.review_bases.push(ReviewBase {
                    name,
                    year: y,
                    value,
                    quote: sentence.to_string(),
                });
            }
            let subject = subject_of(clause);
            if !subject.is_empty() {
                previous_subject = subject;
            }
        }
    }

    /// A base from a review for each indicator that has none, of the plan's base year, by name.
    fn attach_review_bases(&mut self) {
        let base_year = self.period.start - 1;
        for indicator in &mut self.indicators {
            if indicator.baseline.is_some() || indicator.target.op == Op::Qualitative {
                continue;
            }
            let found = self
                .review_bases
                .iter()
                .filter(|b| b.year == base_year)
                .find(|b| same_indicator(&b.name, &indicator.name));
            if let Some(b) = found {
                indicator.baseline = Some(Baseline {
                    year: b.year,
                    value: b.value,
                    quote: Some(b.quote.clone()),
                });
                if b.name != indicator.name {
                    indicator.notes.push(format!(
                        "基期值取自回顾中的“{}”，名称与本指标不完全相同，请核对。",
                        b.name
                    ));
                }
            }
        }
    }

    fn table(&mut self, title: &str, years: Years, rows: Vec<Row>, section: &Section) {
        let domain_name = if title.contains("重点指标") || title.contains("主要指标") {
            "重点指标".to_string()
        } else if title.is_empty() {
            section.domain().unwrap_or_else(|| "指标表".into())
        } else {
            title.to_string()
        };
        let domain = self.domain_id(&domain_name);
        let table_label = if title.is_empty() {
            "指标表".to_string()
        } else {
            title.to_string()
        };
        for row in rows {
            let row_section = Section {
                chapter: Some(table_label.clone()),
                part: None,
                item: None,
            };
            let label = format!("{} {}", table_label, row.place);
            match self.indicator_of_row(row, years, &domain, &label) {
                Ok(indicator) => self.add(indicator),
                Err((quote, reason)) => self.exclude(&quote, &row_section, reason),
            }
        }
    }

    fn indicator_of_row(
        &self,
        row: Row,
        years: Years,
        domain: &str,
        label: &str,
    ) -> Result<Indicator, (String, String)> {
        if row.name.is_empty() {
            return Err((row.quote, "表格行没有指标名称".into()));
        }
        let mut notes = row.notes.clone();
        let base_value = table::number_prefix(&row.base);
        let year = years.target.unwrap_or(self.period.end);
        let base = base_value.map(|value| Baseline {
            year: years.base.unwrap_or(self.period.start - 1),
            value,
            quote: None,
        });
        let direction = if table::lower_is_better(&row.name) {
            Bound::AtMost
        } else {
            Bound::AtLeast
        };
        let (op, value, upper, kind) = match table::read_target_cell(&row.target, &row.name) {
            TargetCell::Figure(bound, v, unsigned) => {
                if unsigned {
                    notes.push(format!(
                        "目标表未写符号，按“{}”理解（{}）。",
                        if bound == Bound::AtMost {
                            "不高于"
                        } else {
                            "不低于"
                        },
                        if bound == Bound::AtMost {
                            "该指标越低越好"
                        } else {
                            "该指标越高越好"
                        }
                    ));
                }
                let kind = if row.target.starts_with(['保', '稳']) {
                    Kind::Maintain
                } else {
                    Kind::Threshold
                };
                (op_of(bound), Some(v), None, kind)
            }
            TargetCell::Range(low, high) => (Op::Range, Some(low), Some(high), Kind::Threshold),
            TargetCell::IncreaseYearly => (Op::IncreaseYearly, None, None, Kind::IncreaseYearly),
            TargetCell::Maintain => match base_value {
                Some(v) => {
                    notes.push(format!(
                        "目标为“{}”：保持基期水平{}，按“{}”理解，请核对。",
                        row.target,
                        crate::numbers::trim_float(v),
                        if direction == Bound::AtMost {
                            "不高于"
                        } else {
                            "不低于"
                        }
                    ));
                    (op_of(direction), Some(v), None, Kind::Maintain)
                }
                None => (Op::Qualitative, None, None, Kind::Qualitative),
            },
            TargetCell::Words => (Op::Qualitative, None, None, Kind::Qualitative),
            TargetCell::Empty => {
                return Err((row.quote, "表格行没有目标值".into()));
            }
        };
        if row.review {
            notes.push("请核对：本行的读法需要人工确认。".into());
        }
        Ok(Indicator {
            id: self.indicator_id(&row.name, domain),
            domain: domain.to_string(),
            key: true,
            name: row.name.clone(),
            name_en: String::new(),
            aliases: Vec::new(),
            unit: row.unit.clone(),
            baseline: base,
            target: Target {
                op,
                value,
                upper,
                base_year: None,
                year,
                text: row.target.clone(),
            },
            kind,
            source: Source {
                section: label.to_string(),
                quote: row.quote,
            },
            notes,
        })
    }
}

fn op_of(bound: Bound) -> Op {
    match bound {
        Bound::AtLeast => Op::Compare(Comparator::Ge),
        Bound::AtMost => Op::Compare(Comparator::Le),
        Bound::Above => Op::Compare(Comparator::Gt),
        Bound::Below => Op::Compare(Comparator::Lt),
        Bound::About => Op::About,
    }
}

fn is_count_unit(unit: &str) -> bool {
    matches!(unit, "个" | "家" | "所" | "次" | "座" | "处" | "项" | "支")
}

/// FNV-1a, 32 bits, as 8 hex digits: short ids that depend on the words alone.
fn short_hash(text: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in text.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{hash:08x}")
}

/// A clause that starts with time or a verb, so its subject is the previous clause's.
fn starts_without_subject(clause: &str) -> bool {
    let text: String = clause.chars().map(half_width).collect();
    let text = text.trim();
    text.starts_with('到')
        || text.starts_with('至')
        || text.starts_with(|c: char| c.is_ascii_digit())
        || [
            "控制",
            "降",
            "下降",
            "提高",
            "达到",
            "保持",
            "稳定",
            "增",
            "不低于",
            "不高于",
            "不超过",
        ]
        .iter()
        .any(|w| text.starts_with(w))
}

/// Verbs of work that open a measure (“加强新生儿规范化访视”): no part of what is measured.
const WORK_VERBS: [&str; 14] = [
    "积极",
    "加强",
    "开展",
    "推进",
    "做好",
    "实施",
    "落实",
    "完善",
    "建立",
    "健全",
    "深化",
    "强化",
    "全面",
    "进一步",
];

/// “加强新生儿规范化访视,访视率保持在90%以上”: a bare measure (访视率) named by the clause before
/// it, which says what is measured (新生儿规范化访视率). Only when that clause holds the measure's
/// stem (访视) verbatim.
fn fuller_name(name: &str, parts: &[&str], clause: &str) -> Option<String> {
    let stem = name.strip_suffix('率')?;
    if name.chars().count() > 4 || stem.chars().count() < 2 {
        return None;
    }
    let at = parts.iter().position(|c| std::ptr::eq(*c, clause))?;
    let before = parts[..at].last()?;
    let before: String = before.chars().map(half_width).collect();
    let end = before.rfind(stem)? + stem.len();
    let mut phrase = before[..end].trim();
    loop {
        let stripped = WORK_VERBS.iter().find_map(|v| phrase.strip_prefix(v));
        match stripped {
            Some(rest) => phrase = rest,
            None => break,
        }
    }
    let phrase = phrase::clean_subject(phrase);
    (phrase.chars().count() > stem.chars().count()).then(|| format!("{phrase}率"))
}

/// “到2025年,” or “2025年前” off the head of a clause, for a subject carried in front of it.
fn without_leading_time(clause: &str) -> &str {
    let mut rest = clause.trim_start();
    for lead in ["到", "至"] {
        rest = rest.strip_prefix(lead).unwrap_or(rest);
    }
    let digits: usize = rest
        .chars()
        .take_while(|c| half_width(*c).is_ascii_digit())
        .map(char::len_utf8)
        .sum();
    if digits > 0 && rest[digits..].starts_with('年') {
        let after = &rest[digits + "年".len()..];
        let after = ["底前", "底", "前", "末"]
            .iter()
            .find_map(|w| after.strip_prefix(w))
            .unwrap_or(after);
        return after.trim_start_matches([',', '，', ' ']);
    }
    clause
}

/// The words of a clause before its first figure, verb or trend word: its subject.
fn subject_of(clause: &str) -> String {
    let text: String = clause.chars().map(half_width).collect();
    let stops = [
        "达到",
        "为",
        "保持",
        "控制",
        "降",
        "下降",
        "提高",
        "增",
        "逐年",
        "总体上",
        "稳定",
        "不低于",
        "不高于",
        "不超过",
        "超过",
        "低于",
        "高于",
        "每年",
        "均",
        "由",
        "从",
        "已",
    ];
    let mut end = text.len();
    for stop in stops {
        if let Some(i) = text.find(stop) {
            end = end.min(i);
        }
    }
    if let Some((i, _)) = figure_spans(&text).next() {
        end = end.min(i);
    }
    // A year (“孕产妇死亡率2020年为…”) ends the subject; one at the head is no subject.
    if let Some(&(year_at, _)) = bare_years(&text).first() {
        end = end.min(year_at);
    }
    let head = &text[..end];
    let name = phrase::clean_subject(head);
    if name.chars().count() < 2 || name.ends_with('年') {
        String::new()
    } else {
        name
    }
}

/// “X2020年为N”, “2020年X为N”, “2020年为N” (the subject carried): a base for X.
fn clause_base(clause: &str, previous_subject: &str) -> Option<(String, i32, f64)> {
    let text: String = clause.chars().map(half_width).collect();
    let (year_at, year) = bare_years(&text).into_iter().next()?;
    let year_end = year_at + 4 + "年".len();
    let (figure_at, _) = figure_spans(&text).find(|&(start, _)| start >= year_end)?;
    let value = phrase::figures(&text[figure_at..])
        .first()
        .map(|f| f.value)?;
    let mut between = text[year_end..figure_at].trim_end();
    for verb in ["已达到", "达到", "达", "为", "是", "保持在", "保持"] {
        between = between.strip_suffix(verb).unwrap_or(between);
    }
    let between = phrase::clean_subject(between);
    let before = phrase::clean_subject(&text[..year_at]);
    let name = [between, before]
        .into_iter()
        .find(|n| n.chars().count() >= 2)
        .unwrap_or_else(|| previous_subject.to_string());
    (!name.is_empty()).then_some((name, year, value))
}

/// “高中阶段毛入学率98.00%”, “九年义务教育巩固率每年均保持100%”: a name and its figure.
fn plain_figure(clause: &str, previous_subject: &str) -> Option<(String, f64)> {
    let text: String = clause.chars().map(half_width).collect();
    let (start, _) = figure_spans(&text).next()?;
    let value = phrase::figures(&text[start..]).first().map(|f| f.value)?;
    let own = subject_of(&text);
    let name = if own.is_empty() {
        previous_subject.to_string()
    } else {
        own
    };
    (!name.is_empty()).then_some((name, value))
}

/// The same indicator under two names: equal, or the same measure (its last three characters:
/// 入园率) of the same population (its first two: 学前), as a review and a goal may word it.
fn same_indicator(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> Vec<char> {
        s.chars()
            .map(half_width)
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let (a, b) = (norm(a), norm(b));
    if a == b {
        return true;
    }
    if a.len() < 5 || b.len() < 5 {
        return false;
    }
    a[..2] == b[..2] && a[a.len() - 3..] == b[b.len() - 3..]
}

/// Years that stand alone in a sentence as its time (“2020年，…”, “…2020年为…”): not a target
/// year (到2025年, 2025年前), not a comparison (比2020年, 在2018年基础上), not inside a title.
fn bare_years(text: &str) -> Vec<(usize, i32)> {
    let mut found = Vec::new();
    let mut depth = 0i32;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        match c {
            // A year in brackets (“(2020年为5.2‰)”) is an aside, not the sentence's time.
            '《' | '“' | '(' | '（' => depth += 1,
            '》' | '”' | ')' | '）' => depth = (depth - 1).max(0),
            _ => {}
        }
        let is_digit = |j: usize| {
            chars
                .get(j)
                .is_some_and(|(_, c)| half_width(*c).is_ascii_digit())
        };
        if depth == 0
            && (0..4).all(|d| is_digit(k + d))
            && !is_digit(k + 4)
            && (k == 0 || !is_digit(k - 1))
        {
            let after = chars.get(k + 4).map(|p| p.1);
            let year_word = after == Some('年');
            let before: String = chars[k.saturating_sub(2)..k].iter().map(|p| p.1).collect();
            let prior = chars[..k].last().map(|p| p.1);
            let tail: String = chars[(k + 5).min(chars.len())..(k + 9).min(chars.len())]
                .iter()
                .map(|p| p.1)
                .collect();
            let target_time = matches!(prior, Some('到' | '至')) || before.ends_with("截至");
            let comparison = matches!(
                prior,
                Some('比' | '较' | '在' | '以' | '从' | '由' | '于' | '—' | '-' | '~')
            ) || tail.starts_with("基础")
                || tail.starts_with("为基")
                || tail.starts_with('前')
                || tail.starts_with("底前")
                || tail.starts_with("相比")
                || matches!(chars.get(k + 4).map(|p| p.1), Some('—' | '-' | '–'));
            if year_word && !target_time && !comparison {
                let year: String = chars[k..k + 4].iter().map(|p| half_width(p.1)).collect();
                if let Ok(y) = year.parse() {
                    found.push((i, y));
                }
            }
            k += 4;
            continue;
        }
        k += 1;
    }
    found
}

/// “到2025年”, “2025年前”: the year a sentence's targets are for.
fn target_year_in(sentence: &str) -> Option<i32> {
    let text: String = sentence.chars().map(half_width).collect();
    for lead in ["到", "至", "截至"] {
        let mut search = 0;
        while let Some(i) = text[search..].find(lead) {
            let at = search + i + lead.len();
            if let Some(y) = text[at..].get(..4).and_then(|y| y.parse::<i32>().ok()) {
                if text[at + 4..].starts_with('年') {
                    return Some(y);
                }
            }
            search = at;
        }
    }
    None
}

/// Whether a sentence states goals or reports a year gone by: a bare year before the plan's end
/// (“2020年达到98.18%”, “2022年，…为93.3%”) with no target year, or 已 + a verb of achievement, or
/// the last five-year period (“十三五”期间) makes it a report.
fn tense_of(sentence: &str, period: Period) -> Tense {
    if target_year_in(sentence).is_some_and(|y| y >= period.start) {
        return Tense::Goal;
    }
    let text: String = sentence.chars().map(half_width).collect();
    let years = bare_years(&text);
    // “2020年为9.8/10万，2025年降至8/10万”: the plan's end year makes it a goal.
    if years.iter().any(|(_, y)| *y >= period.end) {
        return Tense::Goal;
    }
    if let Some((_, year)) = years.into_iter().find(|(_, y)| *y < period.end) {
        return Tense::Past(year);
    }
    // “为94.9%，比2021年提高0.3个百分点”: a value stated as it is, and its change since then.
    let stated = text.contains('为') && document::holds_figure(&text);
    let since = ["比", "较"].iter().find_map(|w| {
        let at = text.find(w)? + w.len();
        let year: i32 = text.get(at..at + 4)?.parse().ok()?;
        text[at + 4..].starts_with('年').then_some(year)
    });
    if let (true, Some(year)) = (stated, since.filter(|y| *y < period.end)) {
        return Tense::Reported(year);
    }
    let achieved = ["已达到", "已实现", "已完成", "已超过", "均已", "已经达到"];
    if achieved.iter().any(|w| text.contains(w)) {
        return Tense::Past(period.start - 1);
    }
    Tense::Goal
}

/// Why a sentence with a figure gave no target.
fn why_left_out(text: &str) -> String {
    let half: String = text.chars().map(half_width).collect();
    if ["比", "较"]
        .iter()
        .any(|w| half.contains(&format!("{w}20")))
    {
        return "与往年比较的变化量，不是目标".into();
    }
    // Every figure an age (“0—6岁”, “3岁以下”, “6个月”): whom a measure is for.
    let ages_only = figure_spans(&half).all(|(_, end)| {
        let after = &half[end..];
        after.starts_with('岁')
            || after.starts_with("个月")
            || ["—", "-", "~", "～"].iter().any(|d| {
                after.strip_prefix(d).is_some_and(|r| {
                    r.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
                        .starts_with(['岁', '个'])
                })
            })
    });
    if ages_only {
        return "数字是对象的年龄（如“0—6岁”“3岁以下”），不是目标值".into();
    }
    if half.contains("分别") || half.contains("各") {
        return "数值是措施中的数量或标准（如“各1小时”），不是监测指标的目标".into();
    }
    if half.contains('—') || half.contains('~') {
        return "数值是措施中的数量范围（如“1—2项”），没有可监测的比率或目标句式".into();
    }
    "数值不在目标句式中（如“达到…”“控制在…以下”）：是措施、标准或说明，不是目标".into()
}

/// The plan's period: “规划期限为2021—2025年”, a range or a five-year period in the title
/// (“十四五” = 2021–2025, “(2021—2030年)”), else the latest target year; and whether the text
/// said it.
fn period_of(title: &str, text: &str) -> (Period, bool) {
    let text_half: String = text.chars().map(half_width).collect();
    for lead in [
        "规划期限为",
        "规划期为",
        "实施期限为",
        "规划期限:",
        "规划期:",
    ] {
        if let Some(i) = text_half.find(lead) {
            if let Some(p) = year_range(&text_half[i + lead.len()..]) {
                return (p, true);
            }
        }
    }
    let title_half: String = title.chars().map(half_width).collect();
    let mut search = 0;
    while search < title_half.len() {
        let Some(i) = title_half[search..].find(|c: char| c.is_ascii_digit()) else {
            break;
        };
        if let Some(p) = year_range(&title_half[search + i..]) {
            return (p, true);
        }
        search += i + 1;
        while !title_half.is_char_boundary(search) {
            search += 1;
        }
    }
    const FIVE_YEARS: [(&str, i32); 4] = [
        ("十三五", 2016),
        ("十四五", 2021),
        ("十五五", 2026),
        ("十六五", 2031),
    ];
    for (words, start) in FIVE_YEARS {
        if title_half.contains(words) {
            return (
                Period {
                    start,
                    end: start + 4,
                },
                true,
            );
        }
    }
    let latest = target_year_in_all(&text_half).into_iter().max();
    match latest {
        Some(end) => (
            Period {
                start: end - 4,
                end,
            },
            false,
        ),
        None => (
            Period {
                start: 2021,
                end: 2025,
            },
            false,
        ),
    }
}

fn target_year_in_all(text: &str) -> Vec<i32> {
    let mut years = Vec::new();
    for lead in ["到", "至"] {
        let mut search = 0;
        while let Some(i) = text[search..].find(lead) {
            let at = search + i + lead.len();
            if let Some(y) = text[at..].get(..4).and_then(|y| y.parse::<i32>().ok()) {
                if text[at + 4..].starts_with('年') && (2000..2100).contains(&y) {
                    years.push(y);
                }
            }
            search = at;
        }
    }
    years
}

/// “2021—2025年”, “2021-2030年”, “2021年至2025年”.
fn year_range(text: &str) -> Option<Period> {
    let start: i32 = text.get(..4)?.parse().ok()?;
    let rest = text[4..].trim_start_matches('年');
    let rest = ["—", "-", "–", "~", "至", "到"]
        .iter()
        .find_map(|d| rest.strip_prefix(d))?;
    let end: i32 = rest.get(..4)?.parse().ok()?;
    ((2000..2100).contains(&start) && start < end && end - start <= 15)
        .then_some(Period { start, end })
}

#[cfg(test)]
mod tests;
