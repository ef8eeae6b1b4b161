//! Every file of a real-world corpus (calamine's own test suite, crafted crashers included) is
//! read into a table or refused with a typed error: never a panic.

use duibiao_core::ingest::{read_workbook, ReadOptions};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/calamine"
    ))
}

#[test]
fn every_corpus_file_is_read_or_refused_without_panicking() {
    let dir = corpus_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext != "md"))
        .collect();
    files.sort();
    assert!(files.len() >= 100, "only {} corpus files", files.len());
    let options = ReadOptions {
        year: Some(2023),
        ..ReadOptions::default()
    };
    let (mut read, mut refused, mut panicked) = (0, 0, Vec::new());
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        match catch_unwind(AssertUnwindSafe(|| read_workbook(&name, &bytes, &options))) {
            Ok(Ok(_)) => read += 1,
            Ok(Err(error)) => {
                if std::env::var("DUIBIAO_CORPUS_VERBOSE").is_ok() {
                    eprintln!("{name}: {:?}", error.kind);
                }
                assert!(
                    error.message_zh().contains(&name),
                    "{name}: the message names the file"
                );
                assert!(!error.message_en().is_empty());
                refused += 1;
            }
            Err(_) => panicked.push(name),
        }
    }
    eprintln!(
        "corpus: {} files, {read} read into a table, {refused} refused with a typed error",
        files.len()
    );
    assert!(panicked.is_empty(), "panicked on: {panicked:?}");
}
