//! Recognise the format from the bytes, never from the file name.

use super::error::OtherFile;
use super::{Format, IngestErrorKind};
use std::io::Cursor;

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const ZIP_EMPTY_MAGIC: &[u8] = b"PK\x05\x06";
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(ZIP_EMPTY_MAGIC)
}

pub fn sniff(bytes: &[u8]) -> Result<Format, IngestErrorKind> {
    let not = |what| {
        Err(IngestErrorKind::NotASpreadsheet {
            looks_like: Some(what),
        })
    };
    if is_zip(bytes) {
        return sniff_zip(bytes);
    }
    if bytes.starts_with(CFB_MAGIC) {
        return sniff_compound_file(bytes);
    }
    if bytes.starts_with(b"%PDF") {
        return not(OtherFile::Pdf);
    }
    if bytes.starts_with(b"\x89PNG") {
        return not(OtherFile::Png);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return not(OtherFile::Jpeg);
    }
    if bytes.starts_with(b"GIF8") {
        return not(OtherFile::Gif);
    }
    if looks_like_text(bytes) {
        Ok(Format::Csv)
    } else {
        not(OtherFile::Binary)
    }
}

fn sniff_zip(bytes: &[u8]) -> Result<Format, IngestErrorKind> {
    let archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| IngestErrorKind::Corrupt {
            format: Format::Xlsx,
            detail: format!("zip: {e}"),
        })?;
    // Some writers store Windows separators ("xl\\workbook.xml").
    let has = |name: &str| {
        archive.file_names_raw().any(|n| {
            n.len() == name.len()
                && n.iter().zip(name.bytes()).all(|(&a, b)| {
                    let a = if a == b'\\' { b'/' } else { a };
                    a.eq_ignore_ascii_case(&b)
                })
        })
    };
    if has("xl/workbook.xml") {
        Ok(Format::Xlsx)
    } else if has("xl/workbook.bin") {
        Ok(Format::Xlsb)
    } else if has("content.xml") && (has("mimetype") || has("META-INF/manifest.xml")) {
        Ok(Format::Ods)
    } else if has("word/document.xml") {
        Err(IngestErrorKind::NotASpreadsheet {
            looks_like: Some(OtherFile::Word),
        })
    } else if has("ppt/presentation.xml") {
        Err(IngestErrorKind::NotASpreadsheet {
            looks_like: Some(OtherFile::PowerPoint),
        })
    } else if has("[Content_Types].xml") {
        // An OOXML package with its workbook at a non-standard path: calamine follows the rels.
        Ok(Format::Xlsx)
    } else {
        Err(IngestErrorKind::NotASpreadsheet {
            looks_like: Some(OtherFile::Zip),
        })
    }
}

/// OLE2 compound files hold .xls workbooks, but also encrypted .xlsx and old Word files.
/// Directory entry names are UTF-16LE, so a byte search finds the streams without a CFB parser.
fn sniff_compound_file(bytes: &[u8]) -> Result<Format, IngestErrorKind> {
    let has_stream = |name: &str| {
        let utf16: Vec<u8> = name.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        bytes.windows(utf16.len()).any(|w| w == utf16.as_slice())
    };
    if has_stream("EncryptedPackage") || has_stream("EncryptionInfo") {
        Err(IngestErrorKind::PasswordProtected)
    } else if has_stream("WordDocument") {
        Err(IngestErrorKind::NotASpreadsheet {
            looks_like: Some(OtherFile::Word),
        })
    } else {
        Ok(Format::Xls)
    }
}

/// Text has no NUL bytes (unless UTF-16 with a BOM) and few control characters.
fn looks_like_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    !sample.contains(&0) && controls * 100 <= sample.len()
}
