//! .xlsx through calamine, into [`Grid`]s: each worksheet streamed cell by cell, then (on sheets
//! small enough) its percent formats, formulas without a saved value and merged cells. The other
//! workbook formats are the full reader's (`legacy`).

use super::value::RawCell;
use super::{Format, Grid, IngestErrorKind, MAX_CELLS, MAX_SHEETS};
use calamine::{DataRef, Dimensions, Range, Reader, SheetType, SheetVisible, Xlsx};
use std::io::Cursor;

/// Formula text (to flag formulas without a saved result) and cell styles (to find percent
/// formats) are read only on sheets this small: submissions are, and each parses the sheet again.
pub(super) const EXTRA_SCAN_MAX_CELLS: usize = 200_000;

pub(super) type Merges = Vec<super::grid::MergedRegion>;

/// Every worksheet of an .xlsx; `merged_cells`: whether the workbook may have merged cells
/// (false skips reading them, which parses each sheet again).
pub fn read_sheets(bytes: &[u8], merged_cells: bool) -> Result<Vec<Grid>, IngestErrorKind> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)?;
    let mut budget = CellBudget::default();
    worksheets(&book)?
        .into_iter()
        .map(|(name, hidden)| {
            if hidden {
                return Ok(Grid::hidden(name));
            }
            let mut grid = stream_xlsx_sheet(&mut book, name, &budget)?;
            budget.spend(&grid);
            if grid.rows.iter().map(Vec::len).sum::<usize>() <= EXTRA_SCAN_MAX_CELLS {
                let percent = percent_cells(&mut book, &grid.sheet_name);
                mark_percent_formats(&mut grid, &percent);
                if let Ok(formulas) = book.worksheet_formula(&grid.sheet_name) {
                    mark_formulas_without_value(&mut grid, &formulas);
                }
            }
            if merged_cells {
                let merges = book
                    .merge_cells_by_sheet_name(&grid.sheet_name)
                    .map(to_merges)
                    .unwrap_or_default();
                grid.fill_merged(&merges);
            }
            Ok(grid)
        })
        .collect()
}

/// An .xlsx worksheet straight from calamine's cell stream into a [`Grid`]: no intermediate
/// sparse list and dense range, which for a 200,000-row sheet held about twice the grid's memory.
/// The cell limit is checked as the grid grows, counted from A1 like the grid itself.
fn stream_xlsx_sheet<RS: std::io::Read + std::io::Seek>(
    book: &mut Xlsx<RS>,
    sheet_name: String,
    budget: &CellBudget,
) -> Result<Grid, IngestErrorKind> {
    let mut reader = book
        .worksheet_cells_reader(&sheet_name)
        .map_err(xlsx_error)?;
    let mut rows: Vec<Vec<RawCell>> = Vec::new();
    let mut width = 0usize;
    while let Some(cell) = reader.next_cell().map_err(xlsx_error)? {
        let (row, col) = cell.get_position();
        // In u64: on 32-bit targets (the browser's wasm32) row u32::MAX + 1 wraps to 0 in usize.
        let height = (rows.len() as u64).max(u64::from(row) + 1);
        let new_width = (width as u64).max(u64::from(col) + 1);
        budget.check(height * new_width)?;
        // Within MAX_CELLS from here on, so these fit usize on any target.
        let (row, col) = (row as usize, col as usize);
        width = new_width as usize;
        let value = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::Int(i) => RawCell::Number {
                value: *i as f64,
                percent_format: false,
            },
            DataRef::Float(value) => RawCell::Number {
                value: *value,
                percent_format: false,
            },
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                RawCell::Text(s.clone())
            }
            DataRef::SharedString(s) => RawCell::Text((*s).to_string()),
            DataRef::Bool(b) => RawCell::Bool(*b),
            DataRef::Error(e) => RawCell::Error(error_code(e)),
            // Dates have no place in an indicator's value; keep what the cell shows as text.
            DataRef::DateTime(d) => RawCell::Text(d.to_string()),
        };
        if rows.len() <= row {
            rows.resize(row + 1, Vec::new());
        }
        // A row is most likely as wide as the one above: one allocation, not one per doubling
        // (the widest row so far would over-reserve every row under one far-right note).
        let width_above = row.checked_sub(1).map_or(0, |above| rows[above].len());
        let cells = &mut rows[row];
        if cells.len() <= col {
            if cells.capacity() == 0 {
                cells.reserve_exact(width_above.max(col + 1));
            }
            cells.resize(col + 1, RawCell::Empty);
        }
        cells[col] = value;
    }
    Ok(Grid {
        sheet_name,
        hidden: false,
        rows,
    })
}

/// Numbers in percent-formatted cells (absolute positions) are shown as percents.
fn mark_percent_formats(grid: &mut Grid, percent: &[(u32, u32)]) {
    for &(row, col) in percent {
        let cell = grid
            .rows
            .get_mut(row as usize)
            .and_then(|cells| cells.get_mut(col as usize));
        if let Some(RawCell::Number { percent_format, .. }) = cell {
            *percent_format = true;
        }
    }
}

/// Empty cells (or empty strings) that hold a formula never computed and saved.
fn mark_formulas_without_value(grid: &mut Grid, formulas: &Range<String>) {
    let Some((row0, col0)) = formulas.start() else {
        return;
    };
    for (row, col, formula) in formulas.used_cells() {
        let (row, col) = (u64::from(row0) + row as u64, u64::from(col0) + col as u64);
        // The values' reader has measured the sheet; a formula past what a grid may hold (from
        // calamine's separate formula parse) is not worth growing the grid for.
        if formula.is_empty() || (row + 1).saturating_mul(col + 1) > MAX_CELLS as u64 {
            continue;
        }
        let (row, col) = (row as usize, col as usize);
        if grid.rows.len() <= row {
            grid.rows.resize(row + 1, Vec::new());
        }
        let cells = &mut grid.rows[row];
        if cells.len() <= col {
            cells.resize(col + 1, RawCell::Empty);
        }
        if cells[col].display().is_empty() {
            cells[col] = RawCell::FormulaWithoutValue(formula.clone());
        }
    }
}

fn xlsx_error(e: calamine::XlsxError) -> IngestErrorKind {
    match e {
        calamine::XlsxError::Password => IngestErrorKind::PasswordProtected,
        other => IngestErrorKind::Corrupt {
            format: Format::Xlsx,
            detail: other.to_string(),
        },
    }
}

/// The workbook's worksheets, each with whether it is hidden; at most [`MAX_SHEETS`].
pub(super) fn worksheets<RS: std::io::Read + std::io::Seek, R: Reader<RS>>(
    book: &R,
) -> Result<Vec<(String, bool)>, IngestErrorKind> {
    let sheets: Vec<(String, bool)> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| (s.name.clone(), s.visible != SheetVisible::Visible))
        .collect();
    if sheets.len() > MAX_SHEETS {
        return Err(IngestErrorKind::TooManySheets {
            sheets: sheets.len(),
            limit: MAX_SHEETS,
        });
    }
    Ok(sheets)
}

/// [`MAX_CELLS`] for a whole workbook: the sheets read so far, counted from A1 as their grids.
#[derive(Default)]
pub(super) struct CellBudget {
    spent: u64,
}

impl CellBudget {
    /// Refuses a sheet that, grown to `cells`, would take the workbook past the limit.
    pub(super) fn check(&self, cells: u64) -> Result<(), IngestErrorKind> {
        let total = self.spent.saturating_add(cells);
        if total > MAX_CELLS as u64 {
            return Err(IngestErrorKind::TooManyCells {
                cells: total,
                limit: MAX_CELLS,
            });
        }
        Ok(())
    }

    pub(super) fn spend(&mut self, grid: &Grid) {
        let width = grid.rows.iter().map(Vec::len).max().unwrap_or(0);
        self.spent += (grid.rows.len() as u64) * (width as u64);
    }
}

pub(super) fn to_merges(dimensions: Vec<Dimensions>) -> Merges {
    dimensions
        .into_iter()
        .map(|d| {
            (
                (d.start.0 as usize, d.start.1 as usize),
                (d.end.0 as usize, d.end.1 as usize),
            )
        })
        .collect()
}

/// Absolute positions of cells whose number format shows a percent (xlsx only: calamine reads
/// styles for xlsx alone).
fn percent_cells<RS: std::io::Read + std::io::Seek>(
    book: &mut Xlsx<RS>,
    name: &str,
) -> Vec<(u32, u32)> {
    let Ok(styles) = book.worksheet_style(name) else {
        return Vec::new();
    };
    let (Some(start), Some(end)) = (styles.start(), styles.end()) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for row in start.0..=end.0 {
        for col in start.1..=end.1 {
            let is_percent = styles
                .get((row, col))
                .and_then(|s| s.number_format.as_ref())
                .is_some_and(|f| is_percent_format(&f.format_code));
            if is_percent {
                found.push((row, col));
            }
        }
    }
    found
}

/// A '%' outside quotes and escapes in a number format code.
fn is_percent_format(code: &str) -> bool {
    let mut in_quotes = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => in_quotes = !in_quotes,
            '%' if !in_quotes => return true,
            _ => {}
        }
    }
    false
}

pub(super) fn error_code(e: &calamine::CellErrorType) -> String {
    use calamine::CellErrorType::*;
    match e {
        Div0 => "#DIV/0!",
        NA => "#N/A",
        Name => "#NAME?",
        Null => "#NULL!",
        Num => "#NUM!",
        Ref => "#REF!",
        Value => "#VALUE!",
        GettingData => "#GETTING_DATA",
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats_are_recognised_outside_quotes_only() {
        assert!(is_percent_format("0.0%"));
        assert!(is_percent_format("0.00%;[Red]-0.00%"));
        assert!(!is_percent_format("0.0\"%\""));
        assert!(!is_percent_format("0.0\\%"));
        assert!(!is_percent_format("General"));
    }
}
