//! Each column's role, from its header's words first and its cells where the words say nothing;
//! then the keys of a row (its name, region and year columns) and the columns of figures. A
//! shape that contradicts itself is asked about, never guessed.

use super::context::Context;
use super::header::{ColumnHeader, Header};
use super::words::{
    is_base_header, is_name_header, is_notes_header, is_row_number_header, is_target_header,
    is_unit_header, is_value_header, is_year_header, is_year_only, year_cell, year_in,
};
use super::{ColumnChoice, ColumnFacts, Layout, ReadContext, RoleBy};
use crate::ingest::grid::{CellRef, Grid};
use crate::ingest::value::{interpret, Value};
use crate::ingest::{CellKind, IngestErrorKind};
use crate::regions::is_region_header;
use serde::{Deserialize, Serialize};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Indicator names.
    Name,
    Region,
    Year,
    /// Figures.
    Value,
    Unit,
    /// The plan's targets: never read as data.
    Target,
    /// Notes, sources, who is responsible.
    Notes,
    RowNumber,
    /// Nothing the check uses.
    Ignored,
}

impl Role {
    pub const ALL: [Role; 9] = [
        Role::Name,
        Role::Region,
        Role::Year,
        Role::Value,
        Role::Unit,
        Role::Target,
        Role::Notes,
        Role::RowNumber,
        Role::Ignored,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Role::Name => "name",
            Role::Region => "region",
            Role::Year => "year",
            Role::Value => "value",
            Role::Unit => "unit",
            Role::Target => "target",
            Role::Notes => "notes",
            Role::RowNumber => "row_number",
            Role::Ignored => "ignored",
        }
    }

    pub fn parse(word: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.word() == word)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Role::Name => "指标名称",
            Role::Region => "地区",
            Role::Year => "年份",
            Role::Value => "数值",
            Role::Unit => "单位",
            Role::Target => "目标（不读取）",
            Role::Notes => "备注（不读取）",
            Role::RowNumber => "序号",
            Role::Ignored => "不读取",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Role::Name => "indicator names",
            Role::Region => "regions",
            Role::Year => "years",
            Role::Value => "figures",
            Role::Unit => "units",
            Role::Target => "targets (not read)",
            Role::Notes => "notes (not read)",
            Role::RowNumber => "row numbers",
            Role::Ignored => "not read",
        }
    }
}

/// One column and what it was taken for.
#[derive(Debug, Clone)]
pub struct Column {
    pub index: usize,
    pub header: String,
    pub role: Role,
    pub by: RoleBy,
    /// The year its header gives its figures.
    pub year: Option<i32>,
    /// The region its header gives its figures.
    pub region: Option<String>,
    /// The indicator its header names, when indicators run across.
    pub indicator: Option<String>,
}

/// A sheet's columns: the keys of a row and the columns of figures.
pub struct Columns {
    pub all: Vec<Column>,
    pub name: Option<usize>,
    pub region: Option<usize>,
    pub year: Option<usize>,
    pub unit: Option<usize>,
    pub values: Vec<Column>,
}

/// What a column's cells are, over its first data rows.
#[derive(Debug, Default)]
struct Profile {
    filled: usize,
    years: usize,
    places: usize,
    numbers: usize,
    texts: usize,
}

/// Enough rows to tell a column's kind; a 200,000-row file is not walked for it.
const PROFILE_ROWS: usize = 200;

impl Profile {
    fn of(grid: &Grid, col: usize, data_start: usize, known: &ReadContext) -> Profile {
        let mut profile = Profile::default();
        for row in (data_start..grid.rows.len()).take(PROFILE_ROWS) {
            let cell = grid.get(row, col);
            if cell.is_blank() {
                continue;
            }
            profile.filled += 1;
            if year_cell(cell).is_some() {
                profile.years += 1;
                continue;
            }
            match interpret(cell) {
                Value::Number { .. } | Value::Missing | Value::Unreadable { .. } => {
                    profile.numbers += 1
                }
                Value::Text { .. } => {
                    profile.texts += 1;
                    if known.regions.recognise(&cell.display()).is_some() {
                        profile.places += 1;
                    }
                }
            }
        }
        profile
    }

    /// Most of the filled cells.
    fn mostly(&self, count: usize) -> bool {
        self.filled > 0 && count * 10 >= self.filled * 6
    }
}

impl Columns {
    pub fn read(
        grid: &Grid,
        header: &Header,
        headers: &[ColumnHeader],
        choices: &[&ColumnChoice],
        context: &Context,
        known: &ReadContext,
    ) -> Result<Columns, (IngestErrorKind, Vec<ColumnFacts>)> {
        let mut all: Vec<Column> = headers
            .iter()
            .enumerate()
            .map(|(index, h)| by_header(index, h, context, known))
            .collect();
        let profiles: Vec<Profile> = (0..all.len())
            .map(|col| Profile::of(grid, col, header.data_start, known))
            .collect();
        // Headers that say nothing of the column (none, or an indicator's name): its cells do.
        for (column, profile) in all.iter_mut().zip(&profiles) {
            if column.by == RoleBy::Cells {
                match by_cells(profile) {
                    // An indicator's figures stay a value column with its header.
                    Role::Value if column.role == Role::Value => {}
                    role => column.role = role,
                }
            }
        }
        for choice in choices {
            if let Some(column) = all.get_mut(choice.column as usize) {
                column.role = choice.role;
                column.by = RoleBy::Chosen;
            }
        }
        // A question names the columns as they were read up to it, for the user to correct.
        let ask = |kind, all: &[Column]| (kind, facts_of(all));
        check_region_columns(&all, &profiles).map_err(|kind| ask(kind, &all))?;
        let region = one_of(&mut all, Role::Region, |c| profiles[c].places);
        let year = one_year_column(grid, header, &mut all).map_err(|kind| ask(kind, &all))?;
        let unit = one_of(&mut all, Role::Unit, |_| 0);
        let name = name_column(&mut all, &profiles, region, year);
        let values = value_columns(&mut all, &profiles, name.is_some());
        if values.is_empty() || (name.is_none() && region.is_none() && year.is_none()) {
            let no_table = IngestErrorKind::NoTable {
                sheets: vec![grid.sheet_name.clone()],
            };
            return Err(ask(no_table, &all));
        }
        Ok(Columns {
            all,
            name,
            region,
            year,
            unit,
            values,
        })
    }

    pub fn layout(&self) -> Layout {
        match (self.name, self.region, self.year) {
            (Some(_), Some(_), _) | (Some(_), _, Some(_)) => Layout::Tidy,
            (Some(_), None, None) if self.values.iter().any(|v| v.region.is_some()) => {
                Layout::IndicatorsByRegions
            }
            (Some(_), None, None) => Layout::Long,
            (None, Some(_), _) => Layout::RegionsByIndicators,
            (None, None, _) => Layout::YearsByIndicators,
        }
    }

    pub fn facts(&self) -> Vec<ColumnFacts> {
        facts_of(&self.all)
    }
}

fn facts_of(all: &[Column]) -> Vec<ColumnFacts> {
    all.iter()
        .map(|c| ColumnFacts {
            column: column_letters(c.index),
            header: c.header.clone(),
            role: c.role,
            year: c.year.filter(|_| c.role == Role::Value),
            region: c.region.clone().filter(|_| c.role == Role::Value),
            by: c.by,
        })
        .collect()
}

/// A column's role from its header's words; `Ignored` by `Cells` when the words say nothing.
fn by_header(
    index: usize,
    header: &ColumnHeader,
    context: &Context,
    known: &ReadContext,
) -> Column {
    let joined = header.joined();
    let h = joined.as_str();
    let column = |role, by| Column {
        index,
        header: joined.clone(),
        role,
        by,
        year: None,
        region: None,
        indicator: None,
    };
    if h.is_empty() {
        return column(Role::Ignored, RoleBy::Cells);
    }
    let role = if is_row_number_header(h) {
        Some(Role::RowNumber)
    } else if is_target_header(h) {
        Some(Role::Target)
    } else if is_notes_header(h) {
        Some(Role::Notes)
    } else if header
        .parts()
        .any(|p| is_region_header(p) && known.regions.recognise(p).is_none())
    {
        // 乡镇（街道） over names, not 天马街道 over figures.
        Some(Role::Region)
    } else if is_name_header(&header.top) {
        Some(Role::Name)
    } else if is_unit_header(h) {
        Some(Role::Unit)
    } else if header.parts().all(is_year_header) {
        Some(Role::Year)
    } else {
        None
    };
    if let Some(role) = role {
        return column(role, RoleBy::Header);
    }
    // A column of figures: for a year (2023年, 基数, 本年), a region (柯城区), or only "数值";
    // what is left of its header, if anything, may name an indicator (indicators across).
    let book = &known.regions;
    let context_year = context.year.map(|(y, _)| y);
    let year = year_in(h).or_else(|| {
        if is_base_header(h) {
            known.base_year
        } else if h.contains("上年") || h.contains("去年") {
            context_year.map(|y| y - 1)
        } else if h.contains("本年") || h.contains("本期") || h.contains("今年") {
            context_year
        } else {
            None
        }
    });
    let region = header
        .parts()
        .find_map(|p| book.recognise(p))
        .or_else(|| book.find_in(h).map(str::to_string))
        .or_else(|| {
            let year = year?.to_string();
            book.recognise(
                h.replace(&format!("{year}年"), "")
                    .replace(&year, "")
                    .trim(),
            )
        });
    let indicator = header
        .parts()
        .find(|p| !is_year_only(p) && book.recognise(p).is_none() && !is_value_header(p))
        .map(str::to_string);
    let keyed = year.is_some() || region.is_some() || header.parts().any(is_value_header);
    Column {
        year,
        region,
        indicator,
        ..column(
            Role::Value,
            if keyed { RoleBy::Header } else { RoleBy::Cells },
        )
    }
}

/// A column whose header says nothing, by its cells.
fn by_cells(profile: &Profile) -> Role {
    if profile.mostly(profile.years) {
        Role::Year
    } else if profile.mostly(profile.places) {
        Role::Region
    } else if profile.mostly(profile.numbers) {
        Role::Value
    } else if profile.mostly(profile.texts) {
        Role::Name
    } else {
        Role::Ignored
    }
}

/// A column headed 地区 that holds only numbers is not what its header says: ask.
fn check_region_columns(all: &[Column], profiles: &[Profile]) -> Result<(), IngestErrorKind> {
    for column in all
        .iter()
        .filter(|c| c.role == Role::Region && c.by == RoleBy::Header)
    {
        let profile = &profiles[column.index];
        if profile.filled > 0 && profile.texts == 0 {
            return Err(IngestErrorKind::ColumnNotAsHeaded {
                column: column_letters(column.index),
                header: column.header.clone(),
                holds: CellKind::Numbers,
            });
        }
    }
    Ok(())
}

fn column_letters(index: usize) -> String {
    CellRef::new(0, index)
        .to_string()
        .trim_end_matches('1')
        .to_string()
}

/// The one column of a role that the row takes its key from (the most telling, by `score`); the
/// others are not read.
fn one_of(all: &mut [Column], role: Role, score: impl Fn(usize) -> usize) -> Option<usize> {
    let candidates: Vec<usize> = all
        .iter()
        .filter(|c| c.role == role)
        .map(|c| c.index)
        .collect();
    // The user's choice first, then a header's word, then the cells.
    let rank = |by: RoleBy| match by {
        RoleBy::Chosen => 2,
        RoleBy::Header => 1,
        RoleBy::Cells => 0,
    };
    let chosen = candidates
        .iter()
        .copied()
        .max_by_key(|&c| (rank(all[c].by), score(c), std::cmp::Reverse(c)))?;
    for other in candidates.into_iter().filter(|&c| c != chosen) {
        all[other].role = Role::Ignored;
    }
    Some(chosen)
}

/// The year column; two that disagree on a row (年份 2022, 统计年度 2023) are asked about.
fn one_year_column(
    grid: &Grid,
    header: &Header,
    all: &mut [Column],
) -> Result<Option<usize>, IngestErrorKind> {
    let years: Vec<usize> = all
        .iter()
        .filter(|c| c.role == Role::Year)
        .map(|c| c.index)
        .collect();
    if let [first, rest @ ..] = years.as_slice() {
        for &other in rest {
            for row in header.data_start..grid.rows.len() {
                let (a, b) = (
                    year_cell(grid.get(row, *first)),
                    year_cell(grid.get(row, other)),
                );
                if let (Some(a), Some(b)) = (a, b) {
                    if a != b {
                        return Err(IngestErrorKind::ColumnsDisagree {
                            row: row + 1,
                            columns: Box::new([
                                (column_letters(*first), a.to_string()),
                                (column_letters(other), b.to_string()),
                            ]),
                        });
                    }
                }
            }
        }
    }
    Ok(one_of(all, Role::Year, |_| 0))
}

/// The column of indicator names: one headed so, else the text column no other role claimed —
/// unless the rows are regions or years and the headers across name indicators.
fn name_column(
    all: &mut [Column],
    profiles: &[Profile],
    region: Option<usize>,
    year: Option<usize>,
) -> Option<usize> {
    let name = one_of(all, Role::Name, |c| profiles[c].texts)?;
    let indicators_across = all
        .iter()
        .any(|c| c.role == Role::Value && c.indicator.is_some() && profiles[c.index].numbers > 0);
    if all[name].by == RoleBy::Cells && (region.is_some() || year.is_some()) && indicators_across {
        all[name].role = Role::Ignored;
        return None;
    }
    Some(name)
}

/// The columns of figures. With a column of names, a figure column needs a header that keys it
/// (a year, a region, 数值) or none at all; with indicators across, its header is the indicator.
fn value_columns(all: &mut [Column], profiles: &[Profile], names_down: bool) -> Vec<Column> {
    for column in all.iter_mut().filter(|c| c.role == Role::Value) {
        let profile = &profiles[column.index];
        let holds_figures = profile.filled == 0 || profile.numbers > 0 || profile.texts > 0;
        let keeps = if names_down {
            column.by != RoleBy::Cells || column.indicator.is_none()
        } else {
            column.indicator.is_some()
        };
        if !(keeps && holds_figures) {
            column.role = Role::Ignored;
        }
        if !names_down {
            column.region = column.region.take().filter(|_| column.indicator.is_none());
        }
    }
    all.iter()
        .filter(|c| c.role == Role::Value)
        .cloned()
        .collect()
}
