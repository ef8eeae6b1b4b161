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
mod zip_guard;

pub use error::{IngestError, IngestErrorKind, OtherFile};
pub use format::{Format, ReaderBuild};
pub use grid::{cell_address, CellRef, Grid};
pub use layout::{unit_in_label, Layout, Observation, ReadContext, RowLabel, Sheet, YearSource};
pub use text::{decode_text, TextEncoding};

use serde::Serialize;

/// Files larger than this are refused before anything is parsed.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;
/// A sheet with more cells than this is refused (a submission has a few hundred).
pub const MAX_CELLS: usize = 5_000_000;
/// Zip archives (xlsx, ods) may declare at most this much uncompressed content …
pub const MAX_INFLATED_BYTES: u64 = 200 * 1024 * 1024;
/// … in at most this many entries.
pub const MAX_ZIP_ENTRIES: usize = 10_000;

/// What the user (or the CLI) chose; empty means "let the reader decide".
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ReadOptions {
    pub sheet: Option<String>,
    pub encoding: Option<TextEncoding>,
    /// The year to use when nothing in the file names one.
    pub year: Option<i32>,
}

/// A workbook read and laid out: the chosen sheet's observations and what was found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Workbook {
    pub file_name: String,
    pub format: Format,
    /// For CSV: the text encoding that was used.
    pub encoding: Option<TextEncoding>,
    pub sheet_names: Vec<String>,
    pub sheet: Sheet,
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
    // A CSV file has no sheets to name in a message.
    let named = |sheet: &str| (format != Format::Csv).then(|| sheet.to_string());
    let sheet = match &options.sheet {
        Some(wanted) => {
            let grid = grids
                .iter()
                .find(|g| &g.sheet_name == wanted)
                .ok_or_else(|| {
                    fail(IngestErrorKind::SheetNotFound {
                        wanted: wanted.clone(),
                        available: sheet_names.clone(),
                    })
                })?;
            layout::lay_out(grid, file_name, options.year, known)
                .map_err(|kind| IngestError::new(file_name, named(&grid.sheet_name), kind))?
        }
        None => layout::pick_sheet(&grids, file_name, options.year, known).map_err(|kind| {
            let only_sheet = if grids.len() == 1 {
                named(&grids[0].sheet_name)
            } else {
                None
            };
            IngestError::new(file_name, only_sheet, kind)
        })?,
    };
    Ok(Workbook {
        file_name: file_name.to_string(),
        format,
        encoding,
        sheet_names,
        sheet,
    })
}
