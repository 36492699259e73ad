//! Why each score: every criterion's weighted part, as stacked bars.

use scope_core::case::Method;
use scope_core::evaluate::{EvaluationReport, StackedBar};
use scope_core::support::number::{Fixed, Shortest};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContributionsProps {
    pub report: EvaluationReport,
}

/// Why each score: every criterion's weighted part, as stacked bars.
#[component]
pub fn Contributions(props: &ContributionsProps) -> Html {
    let r = &props.report;
    html! {
        <section class="contributions" aria-label="Why each score">
            <h2>{ if r.method == Method::WeightedSum { "Why each score: the weighted part of each criterion" } else { "Each candidate's weighted values (TOPSIS measures their distance to the ideal)" } }</h2>
            <ul class="legend">
                { for r.criteria.iter().enumerate().map(|(j, c)| html! { <li class={format!("series-{}", j % 8)}>{ c.label() }</li> }) }
            </ul>
            // Keyed by name: a re-ranking moves rows instead of rewriting them, and a bar whose
            // segments did not change is not rendered again.
            // (Names are unique in a valid case, the only kind that is evaluated.)
            { for r.stacked_bars(BAR_WIDTH).into_iter().map(|bar| {
                let key = bar.name.clone();
                html! { <ContributionBar {key} {bar} /> }
            }) }
        </section>
    }
}

/// The chart's width in SVG units.
const BAR_WIDTH: f64 = 420.0;

#[derive(Properties, PartialEq)]
struct ContributionBarProps {
    bar: StackedBar,
}

#[component]
fn ContributionBar(props: &ContributionBarProps) -> Html {
    let bar = &props.bar;
    html! {
        <div class="contribution">
            <span class="name">{ &bar.name }</span>
            <svg viewBox={format!("0 0 {} 14", Shortest(BAR_WIDTH))} role="img" aria-label={format!("{}: contributions by criterion", bar.name)}>
                { for bar.segments.iter().map(|s| html! {
                    <rect class={format!("series-{}", s.series % 8)} x={format!("{}", Fixed(s.x, 1))} y="0" width={format!("{}", Fixed(s.width, 1))} height="14">
                        <title>{ format!("{}: {} (normalized {}, weighted {})", s.part.criterion, Shortest(s.part.value), Fixed(s.part.normalized, 3), Fixed(s.part.weighted, 3)) }</title>
                    </rect>
                }) }
            </svg>
        </div>
    }
}
