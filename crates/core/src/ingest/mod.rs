//! Ingest: file bytes → a grid of cells with addresses → observations (label, region, year, value).
//!
//! Each format has its own reader behind one interface ([`Grid`]); everything after the grid is
//! format-blind. Every limit is a named constant and appears in the message that enforces it.

mod error;
mod format;
mod grid;
mod layout;
// .xls, .xlsb and .ods: only the full reader's build has them (`Format::reader`).
#[cfg(feature = "legacy-formats")]
mod legacy;
mod sniff;
mod text;
pub mod value;
mod xlsx;
pub(crate) mod zip_guard;

pub use error::{CellKind, IngestError, IngestErrorKind, OtherFile};
pub use format::{Format, ReaderBuild};
pub use grid::{cell_address, CellRef, Grid};
pub use layout::{
    unit_in_label, year_in, ColumnChoice, ColumnFacts, FactSource, Layout, Observation,
    ReadContext, Role, RoleBy, RowLabel, SheetChoice, SheetColumns, SheetFacts, SkipReason,
    SkippedSheet, Table, YearSource,
};
pub use text::{decode_text, TextEncoding};

use serde::Serialize;

/// Files larger than this are refused before anything is parsed.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;
/// A workbook with more cells than this, all its sheets together, is refused (a submission has a
/// few hundred).
pub const MAX_CELLS: usize = 5_000_000;
/// A workbook with more sheets than this is refused (a sheet per township of a county is a few
/// dozen).
pub const MAX_SHEETS: usize = 1_000;
/// Zip archives (xlsx, ods) may declare at most this much uncompressed content …
pub const MAX_INFLATED_BYTES: u64 = 200 * 1024 * 1024;
/// … in at most this many entries.
pub const MAX_ZIP_ENTRIES: usize = 10_000;

/// What the user (or the CLI) chose; empty means "let the reader decide".
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ReadOptions {
    /// Read only this sheet (every sheet that holds a table when `None`).
    pub sheet: Option<String>,
    pub encoding: Option<TextEncoding>,
    /// The year to use when nothing in the file names one.
    pub year: Option<i32>,
    /// Columns whose role the user corrected.
    pub columns: Vec<ColumnChoice>,
    /// Sheets whose year or region the user gave, or left out.
    pub sheets: Vec<SheetChoice>,
}

/// A workbook read and laid out: every figure of the sheets that hold a table, and what was
/// found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    pub file_name: String,
    pub format: Format,
    /// For CSV: the text encoding that was used.
    pub encoding: Option<TextEncoding>,
    pub sheet_names: Vec<String>,
    pub table: Table,
}

/// The user's column and sheet choices with their sheets: a choice that names none is for the
/// sheet read alone (`options.sheet`) or the file's only one; one that names a sheet the file does
/// not have is refused, never dropped without a word.
fn chosen_sheets(
    options: &ReadOptions,
    names: &[String],
) -> Result<(Vec<ColumnChoice>, Vec<SheetChoice>), IngestErrorKind> {
    let resolve = |sheet: &str| -> Result<String, IngestErrorKind> {
        let unnamed = match (names, &options.sheet) {
            (_, Some(only)) => Some(only),
            ([only], None) => Some(only),
            _ => None,
        };
        match sheet {
            "" => unnamed.cloned().ok_or(IngestErrorKind::ChoiceNamesNoSheet {
                available: names.to_vec(),
            }),
            named if names.iter().any(|n| n == named) => Ok(named.to_string()),
            unknown => Err(IngestErrorKind::SheetNotFound {
                wanted: unknown.to_string(),
                available: names.to_vec(),
            }),
        }
    };
    let columns = options
        .columns
        .iter()
        .map(|c| {
            Ok(ColumnChoice {
                sheet: resolve(&c.sheet)?,
                ..c.clone()
            })
        })
        .collect::<Result<_, IngestErrorKind>>()?;
    let sheets = options
        .sheets
        .iter()
        .map(|c| {
            Ok(SheetChoice {
                sheet: resolve(&c.sheet)?,
                ..c.clone()
            })
        })
        .collect::<Result<_, IngestErrorKind>>()?;
    Ok((columns, sheets))
}

/// An .xls, .xlsb or .ods file: read by the full reader, handed on by the light one.
#[cfg(feature = "legacy-formats")]
fn read_legacy(bytes: &[u8], format: Format) -> Result<Vec<Grid>, IngestErrorKind> {
    legacy::read_sheets(bytes, format)
}

#[cfg(not(feature = "legacy-formats"))]
fn read_legacy(_: &[u8], format: Format) -> Result<Vec<Grid>, IngestErrorKind> {
    Err(IngestErrorKind::FormatNotInThisBuild { format })
}

/// Refuses a file larger than [`MAX_FILE_BYTES`]. The CLI and the worker ask with the size the
/// system reports, before reading a byte: a file is never read whole only to be refused.
pub fn check_file_size(file_name: &str, bytes: u64) -> Result<(), IngestError> {
    if bytes > MAX_FILE_BYTES as u64 {
        return Err(IngestError::new(
            file_name,
            None,
            IngestErrorKind::FileTooLarge {
                bytes,
                limit: MAX_FILE_BYTES,
            },
        ));
    }
    Ok(())
}

/// Reads a file into observations, knowing nothing of a plan (regions only by their shape, no
/// base year), with the core's own decoders. Never panics; every failure is an [`IngestError`].
#[cfg(feature = "own-codecs")]
pub fn read_workbook(
    file_name: &str,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<Workbook, IngestError> {
    read_workbook_with(
        file_name,
        bytes,
        options,
        &ReadContext::default(),
        &crate::Codecs::OWN,
    )
}

/// Reads a file into observations with what a plan says of regions and the base year, decoding
/// GB18030 text with the host's decoder.
pub fn read_workbook_with(
    file_name: &str,
    bytes: &[u8],
    options: &ReadOptions,
    known: &ReadContext,
    codecs: &crate::Codecs,
) -> Result<Workbook, IngestError> {
    let fail = |kind| IngestError::new(file_name, None, kind);
    if bytes.is_empty() {
        return Err(fail(IngestErrorKind::EmptyFile));
    }
    check_file_size(file_name, bytes.len() as u64)?;
    // Archives are checked against the bomb limits before anything, sniffing included, inflates.
    let archive = if sniff::is_zip(bytes) {
        Some(zip_guard::check(bytes).map_err(fail)?)
    } else {
        None
    };
    // Only an archive the guard saw without any merged cell is read without looking for them.
    let merged_cells = archive.is_none_or(|facts| facts.has_merged_cells);
    let format = sniff::sniff(bytes).map_err(fail)?;
    let (grids, encoding) = match format {
        Format::Csv => {
            let (grid, encoding) =
                text::read_delimited(bytes, options.encoding, codecs).map_err(fail)?;
            (vec![grid], Some(encoding))
        }
        Format::Xlsx => (xlsx::read_sheets(bytes, merged_cells).map_err(fail)?, None),
        other => (read_legacy(bytes, other).map_err(fail)?, None),
    };
    let sheet_names: Vec<String> = grids.iter().map(|g| g.sheet_name.clone()).collect();
    if let Some(wanted) = options.sheet.as_ref().filter(|w| !sheet_names.contains(w)) {
        return Err(fail(IngestErrorKind::SheetNotFound {
            wanted: wanted.clone(),
            available: sheet_names,
        }));
    }
    let (columns, sheets) = chosen_sheets(options, &sheet_names).map_err(fail)?;
    let choices = layout::Choices {
        year: options.year,
        columns: &columns,
        sheets: &sheets,
    };
    // A CSV file has no sheets to name in a message.
    let named = |sheet: Option<String>| sheet.filter(|_| format != Format::Csv);
    let only_sheet = (grids.len() == 1).then(|| grids[0].sheet_name.clone());
    let table = layout::read_table(&grids, options.sheet.as_deref(), file_name, &choices, known)
        .map_err(|e| IngestError {
            columns: e.columns,
            ..IngestError::new(file_name, named(e.sheet.or(only_sheet)), e.kind)
        })?;
    Ok(Workbook {
        file_name: file_name.to_string(),
        format,
        encoding,
        sheet_names,
        table,
    })
}
