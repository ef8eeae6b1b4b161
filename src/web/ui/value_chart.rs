use super::number::{one_decimal, plain as trim_float};
use duibiao_core::evaluate::PathPoint;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ValueChartProps {
    /// (year, value) in the plan's unit, oldest first.
    pub points: Vec<(i32, f64)>,
    /// The target's value at the end of the period, drawn as a level line.
    pub goal: Option<f64>,
    /// The line the value should follow, as the report gives it.
    pub path: Vec<PathPoint>,
    /// The years the axis spans (the plan's base year to its end, as the report gives them).
    pub years: (i32, i32),
    pub label: AttrValue,
    /// "目标" or "target", before the goal's value.
    pub goal_word: AttrValue,
}

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 120.0;
const PAD: f64 = 24.0;

/// The values across years as a small SVG chart, with the target and the on-track line.
#[component]
pub fn ValueChart(props: &ValueChartProps) -> Html {
    // The axis covers the plan's years and anything drawn outside them (a path from 2018).
    let drawn_years = props
        .points
        .iter()
        .map(|p| p.0)
        .chain(props.path.iter().map(|p| p.year));
    let (first_year, last_year) =
        drawn_years.fold(props.years, |(lo, hi), y| (lo.min(y), hi.max(y)));
    let mut values: Vec<f64> = props.points.iter().map(|p| p.1).collect();
    values.extend(props.goal);
    values.extend(props.path.iter().map(|p| p.value));
    if values.is_empty() {
        return html! {};
    }
    let (lo, hi) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let span = if (hi - lo).abs() < 1e-9 { 1.0 } else { hi - lo };
    let year_span = f64::from((last_year - first_year).max(1));
    let x = |year: i32| PAD + (f64::from(year - first_year) / year_span) * (WIDTH - 2.0 * PAD);
    let y = |v: f64| HEIGHT - PAD - (v - lo) / span * (HEIGHT - 2.0 * PAD);
    let line: String = props
        .points
        .iter()
        .map(|&(yr, v)| format!("{},{}", one_decimal(x(yr)), one_decimal(y(v))))
        .collect::<Vec<_>>()
        .join(" ");
    let path: String = props
        .path
        .iter()
        .map(|p| format!("{},{}", one_decimal(x(p.year)), one_decimal(y(p.value))))
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        <svg class="value-chart" viewBox={format!("0 0 {} {}", one_decimal(WIDTH), one_decimal(HEIGHT))} role="img" aria-label={props.label.clone()}
            data-first-year={first_year.to_string()} data-last-year={last_year.to_string()}>
            if let Some(goal) = props.goal {
                <line class="target" x1={one_decimal(PAD)} x2={one_decimal(WIDTH - PAD)} y1={one_decimal(y(goal))} y2={one_decimal(y(goal))} />
                <text class="axis" x={one_decimal(WIDTH - PAD)} y={one_decimal(y(goal) - 4.0)} text-anchor="end">{ format!("{} {}", props.goal_word, trim_float(goal)) }</text>
            }
            if props.path.len() >= 2 {
                <polyline class="path" points={path} />
            }
            <polyline class="values" points={line} />
            { for props.points.iter().map(|&(yr, v)| html! {
                <g>
                    <circle cx={one_decimal(x(yr))} cy={one_decimal(y(v))} r="3" />
                    <text class="axis" x={one_decimal(x(yr))} y={one_decimal(HEIGHT - 6.0)} text-anchor="middle">{ yr }</text>
                    <text class="point" x={one_decimal(x(yr))} y={one_decimal(y(v) - 6.0)} text-anchor="middle">{ trim_float(v) }</text>
                </g>
            }) }
        </svg>
    }
}
