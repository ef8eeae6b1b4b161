//! Guards against decompression bombs, run on the central directory before any reader inflates.
//!
//! calamine inflates whatever the archive holds; a 1.5 MB file can hold 1.5 GB of XML. The
//! declared sizes are checked first, then each entry is inflated into a sink that stops one
//! byte past its declared size, so a lying header is caught at the cost of that many bytes.

use super::{Format, IngestErrorKind, MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES};
use std::io::{Cursor, Read};

pub fn check(bytes: &[u8]) -> Result<(), IngestErrorKind> {
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
    let mut sink = [0u8; 16 * 1024];
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).map_err(corrupt)?;
        let declared = entry.size();
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let mut limited = (&mut entry).take(declared.saturating_add(1));
        let mut inflated: u64 = 0;
        loop {
            match limited.read(&mut sink) {
                Ok(0) => break,
                Ok(n) => inflated += n as u64,
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
    Ok(())
}
