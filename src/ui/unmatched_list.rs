use super::i18n::Lang;
use crate::report::Report;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UnmatchedListProps {
    pub lang: Lang,
    pub report: Rc<Report>,
}

/// Rows of the file that match no plan indicator.
#[component]
pub fn UnmatchedList(props: &UnmatchedListProps) -> Html {
    let t = props.lang.texts();
    html! {
        <section class="unmatched" aria-labelledby="unmatched-heading">
            <h2 id="unmatched-heading">{ t.unmatched_heading }</h2>
            if props.report.unmatched.is_empty() {
                <p>{ t.unmatched_none }</p>
            } else {
                <ul>
                    { for props.report.unmatched.iter().map(|row| html! {
                        <li data-as-written={row.as_written.clone()}>{ format!("{} {}", row.cell, row.as_written) }</li>
                    }) }
                </ul>
            }
        </section>
    }
}
