//! The formats only the full reader reads (cargo feature `legacy-formats`): .xls (checked by
//! `cfb_guard` before calamine sees it), .xlsb and .ods, through calamine into [`Grid`]s. The
//! page's light reader is built without this module: calamine's readers of these formats are
//! then not linked (`Format::reader` says which build reads what).

mod cfb_guard;

use super::value::RawCell;
use super::xlsx::{error_code, to_merges, worksheets, CellBudget, Merges, EXTRA_SCAN_MAX_CELLS};
use super::{Format, Grid, IngestErrorKind};
use calamine::{Data, Ods, Range, Reader, Xls, Xlsb};
use std::io::Cursor;

/// Every worksheet of an .xls, .xlsb or .ods file.
pub fn read_sheets(bytes: &[u8], format: Format) -> Result<Vec<Grid>, IngestErrorKind> {
    if format == Format::Xls {
        cfb_guard::check(bytes)?;
    }
    let cursor = Cursor::new(bytes);
    let corrupt = move |detail: String| IngestErrorKind::Corrupt { format, detail };
    match format {
        Format::Xls => {
            let mut book = Xls::new(cursor).map_err(|e| match e {
                calamine::XlsError::Password => IngestErrorKind::PasswordProtected,
                other => corrupt(other.to_string()),
            })?;
            read_each_sheet(
                &mut book,
                |e| corrupt(e.to_string()),
                |book, name| {
                    book.merge_cells_by_sheet_name(name)
                        .map(to_merges)
                        .unwrap_or_default()
                },
            )
        }
        Format::Xlsb => {
            let mut book = Xlsb::new(cursor).map_err(|e| match e {
                calamine::XlsbError::Password => IngestErrorKind::PasswordProtected,
                other => corrupt(other.to_string()),
            })?;
            read_each_sheet(&mut book, |e| corrupt(e.to_string()), |_, _| Vec::new())
        }
        Format::Ods => {
            let mut book = Ods::new(cursor).map_err(|e| match e {
                calamine::OdsError::Password => IngestErrorKind::PasswordProtected,
                other => corrupt(other.to_string()),
            })?;
            read_each_sheet(&mut book, |e| corrupt(e.to_string()), |_, _| Vec::new())
        }
        Format::Xlsx | Format::Csv => Err(corrupt("not a workbook of this reader".into())),
    }
}

/// Reads every worksheet; `merges_of` gives a sheet's merged regions where the format has them.
fn read_each_sheet<RS, R>(
    book: &mut R,
    to_error: impl Fn(R::Error) -> IngestErrorKind,
    mut merges_of: impl FnMut(&mut R, &str) -> Merges,
) -> Result<Vec<Grid>, IngestErrorKind>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
{
    let mut budget = CellBudget::default();
    worksheets(book)?
        .into_iter()
        .map(|(name, hidden)| {
            if hidden {
                return Ok(Grid::hidden(name));
            }
            let range = book.worksheet_range(&name).map_err(&to_error)?;
            budget.check(cells_from_a1(&range))?;
            let small = is_small(&range);
            let formulas = if small {
                book.worksheet_formula(&name).ok()
            } else {
                None
            };
            let merges = merges_of(book, &name);
            let grid = to_grid(name, range, formulas.as_ref(), &merges);
            budget.spend(&grid);
            Ok(grid)
        })
        .collect()
}

/// A range's cells measured from A1, as [`to_grid`] builds the grid (a lone cell far down holds
/// every row above it), and in u64 so that no size wraps on 32-bit targets.
fn cells_from_a1<T: calamine::CellType>(range: &Range<T>) -> u64 {
    let Some((row0, col0)) = range.start() else {
        return 0;
    };
    let (height, width) = range.get_size();
    (u64::from(row0) + height as u64).saturating_mul(u64::from(col0) + width as u64)
}

fn is_small(values: &Range<Data>) -> bool {
    let (height, width) = values.get_size();
    height.saturating_mul(width) <= EXTRA_SCAN_MAX_CELLS
}

/// The sheet as a [`Grid`]; the range's strings move into it, not copied (big sheets hold
/// hundreds of thousands).
fn to_grid(
    sheet_name: String,
    mut range: Range<Data>,
    formulas: Option<&Range<String>>,
    merges: &Merges,
) -> Grid {
    let mut rows: Vec<Vec<RawCell>> = Vec::new();
    if let Some((row0, col0)) = range.start() {
        let (height, width) = range.get_size();
        rows.reserve(row0 as usize + height);
        rows.resize(row0 as usize, Vec::new());
        for r in 0..height {
            let abs_row = row0 + r as u32;
            let mut cells = Vec::with_capacity(col0 as usize + width);
            cells.resize(col0 as usize, RawCell::Empty);
            cells.extend((0..width).map(|c| {
                let abs = (abs_row, col0 + c as u32);
                raw_cell(
                    std::mem::take(&mut range[(r, c)]),
                    formulas.and_then(|f| f.get_value(abs)),
                )
            }));
            while cells.last().is_some_and(RawCell::is_blank) {
                cells.pop();
            }
            rows.push(cells);
        }
    }
    let mut grid = Grid {
        sheet_name,
        hidden: false,
        rows,
    };
    grid.fill_merged(merges);
    grid
}

fn raw_cell(data: Data, formula: Option<&String>) -> RawCell {
    match data {
        // A formula whose result was never saved reads as empty (or as an empty string).
        Data::Empty | Data::String(_)
            if formula.is_some_and(|f| !f.is_empty()) && data.to_string().is_empty() =>
        {
            RawCell::FormulaWithoutValue(formula.cloned().unwrap_or_default())
        }
        Data::Empty => RawCell::Empty,
        // calamine reads number formats for .xlsx alone.
        Data::Int(i) => RawCell::Number {
            value: i as f64,
            percent_format: false,
        },
        Data::Float(value) => RawCell::Number {
            value,
            percent_format: false,
        },
        Data::String(s) => RawCell::Text(s),
        Data::Bool(b) => RawCell::Bool(b),
        Data::Error(e) => RawCell::Error(error_code(&e)),
        // Dates have no place in an indicator's value; keep what the cell shows as text.
        Data::DateTime(d) => RawCell::Text(d.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => RawCell::Text(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sheet_is_measured_from_a1_as_its_grid_is_built() {
        // One cell far down: a 1 × 1 range, but the grid would hold every row above it (and on
        // 32-bit targets row + height would wrap).
        let far: Range<Data> = Range::new((4_000_000_000, 0), (4_000_000_000, 0));
        assert!(matches!(
            CellBudget::default().check(cells_from_a1(&far)),
            Err(IngestErrorKind::TooManyCells {
                limit: crate::ingest::MAX_CELLS,
                ..
            })
        ));
        let near: Range<Data> = Range::new((9, 4), (19, 9));
        assert_eq!(cells_from_a1(&near), 20 * 10);
    }
}
