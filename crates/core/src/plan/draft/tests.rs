//! The drafter on whole texts: small plans of the shapes plans are written in.

use super::*;

fn draft(text: &str) -> Draft {
    draft_text(text, &DraftOptions::default()).expect("a text with words drafts")
}

#[test]
fn an_empty_text_is_an_error() {
    assert!(matches!(
        draft_text("  \n", &DraftOptions::default()),
        Err(DraftError::Empty { .. })
    ));
}
