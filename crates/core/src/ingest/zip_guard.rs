//! Guards against decompression bombs, run on the central directory before any reader inflates.
//!
//! calamine inflates whatever the archive holds; a 1.5 MB file can hold 1.5 GB of XML. The
//! declared sizes are checked first, then each entry is inflated into a sink that stops one
//! byte past its declared size, so a lying header is caught at the cost of that many bytes.
//! While the worksheets stream past, the guard notes whether any has merged cells, so the reader
//! can skip a second parse of every sheet when none has.

use super::{Format, IngestErrorKind, MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES};
use std::io::{Cursor, Read};

/// What the guard saw of the archive while checking it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArchiveFacts {
    /// Some worksheet's XML names a merged cell (`<mergeCell`, with or without a prefix).
    pub has_merged_cells: bool,
}

const MERGE_TAG: &[u8] = b"mergeCell";

pub fn check(bytes: &[u8]) -> Result<ArchiveFacts, IngestErrorKind> {
    let corrupt = |e: zip::result::ZipError| IngestErrorKind::Corrupt {
        format: Format::Xlsx,
        detail: format!("zip: {e}"),
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(IngestErrorKind::ZipTooManyEntries {
            entries: archive.len(),
            limit: MAX_ZIP_ENTRIES,
        });
    }
    let mut declared_total: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(corrupt)?;
        declared_total = declared_total.saturating_add(entry.size());
    }
    if declared_total > MAX_INFLATED_BYTES {
        return Err(IngestErrorKind::ZipTooLarge {
            declared: declared_total,
            limit: MAX_INFLATED_BYTES,
        });
    }
    let mut facts = ArchiveFacts {
        has_merged_cells: false,
    };
    let finder = memchr::memmem::Finder::new(MERGE_TAG);
    // The sink's tail is kept in front of the next read, so a tag split between reads is seen.
    let keep = MERGE_TAG.len() - 1;
    let mut sink = vec![0u8; keep + 16 * 1024];
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(corrupt)?;
        let declared = entry.size();
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let mut look_for_merges = !facts.has_merged_cells && name.starts_with("xl/worksheets/");
        sink[..keep].fill(0);
        let mut limited = (&mut entry).take(declared.saturating_add(1));
        let mut inflated: u64 = 0;
        loop {
            match limited.read(&mut sink[keep..]) {
                Ok(0) => break,
                Ok(n) => {
                    inflated += n as u64;
                    if look_for_merges && finder.find(&sink[..keep + n]).is_some() {
                        facts.has_merged_cells = true;
                        look_for_merges = false;
                    }
                    sink.copy_within(n..n + keep, 0);
                }
                // The zip crate stops an entry at its declared size itself, with this error.
                Err(e) if e.to_string().contains("declared") => {
                    return Err(IngestErrorKind::ZipSizeMismatch {
                        entry: name,
                        declared,
                    })
                }
                Err(e) => {
                    return Err(IngestErrorKind::Corrupt {
                        format: Format::Xlsx,
                        detail: format!("{name}: {e}"),
                    })
                }
            }
        }
        if inflated > declared {
            return Err(IngestErrorKind::ZipSizeMismatch {
                entry: name,
                declared,
            });
        }
    }
    Ok(facts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workbook(merged: bool) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(1, 0, "婴儿死亡率").unwrap();
        if merged {
            let format = rust_xlsxwriter::Format::new();
            sheet.merge_range(0, 0, 0, 3, "2023年", &format).unwrap();
        }
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn notes_merged_cells_only_where_a_worksheet_has_them() {
        assert!(check(&workbook(true)).unwrap().has_merged_cells);
        assert!(!check(&workbook(false)).unwrap().has_merged_cells);
    }

    #[test]
    fn a_merge_tag_split_between_two_reads_is_seen() {
        // 16 KiB of cells, then the tag straddling the sink's boundary.
        let mut xml = vec![b' '; 16 * 1024 - 4];
        xml.extend_from_slice(b"<mergeCell ref=\"A1:B1\"/>");
        let mut book = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        book.start_file("xl/worksheets/sheet1.xml", options)
            .unwrap();
        std::io::Write::write_all(&mut book, &xml).unwrap();
        let bytes = book.finish().unwrap().into_inner();
        assert!(check(&bytes).unwrap().has_merged_cells);
    }
}
