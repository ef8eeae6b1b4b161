//! The plan drafter (issue 26), from the plan's own text: work in progress.

pub mod phrase;
