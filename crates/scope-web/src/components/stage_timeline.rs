//! The stage plan as a Gantt-like SVG: one bar per applicable stage, at its PERT mean.

use scope_core::StagePlan;
use scope_core::support::number::{Fixed, Shortest};
use yew::prelude::*;

use crate::components::class;

#[derive(Properties, PartialEq)]
pub struct StageTimelineProps {
    pub plan: StagePlan,
}

const W: f64 = 600.0;
const ROW: f64 = 22.0;
const LABEL: f64 = 190.0;

#[component]
pub fn StageTimeline(props: &StageTimelineProps) -> Html {
    let bars = &props.plan.timeline;
    let end = bars.last().map_or(1.0, |b| b.end_day).max(1.0);
    let h = ROW * bars.len() as f64 + 24.0;
    let x = |d: f64| LABEL + d / end * (W - LABEL - 8.0);
    html! {
        <figure class="chart timeline">
            <svg viewBox={format!("0 0 {} {}", Shortest(W), Shortest(h))} role="img" aria-label="Stage timeline">
                <title>{ "Stage timeline, days from the first call" }</title>
                { for bars.iter().enumerate().map(|(i, b)| {
                    let stage = props.plan.stages.iter().find(|s| s.id == b.id);
                    let label = stage.map_or("", |s| s.label);
                    let clock = stage.is_some_and(|s| s.on_delivery_clock);
                    let y = i as f64 * ROW + 4.0;
                    html! {
                        <g class={class("stage", clock.then_some("clock"))}>
                            <text x="0" y={format!("{}", Fixed(y + 14.0, 1))}>{ label }</text>
                            <rect x={format!("{}", Fixed(x(b.start_day), 1))} y={format!("{}", Fixed(y, 1))}
                                width={format!("{}", Fixed((x(b.end_day) - x(b.start_day)).max(1.0), 1))} height={Shortest(ROW - 6.0).to_string()}>
                                <title>{ format!("{label}: day {} to {}", Fixed(b.start_day, 0), Fixed(b.end_day, 0)) }</title>
                            </rect>
                        </g>
                    }
                }) }
                <text class="tick end" x={Shortest(W - 8.0).to_string()} y={format!("{}", Fixed(h - 4.0, 1))}>{ format!("day {}", Fixed(end, 0)) }</text>
            </svg>
            <figcaption>{ "Stages at their PERT mean durations; shaded bars are on the 90-day delivery clock." }</figcaption>
        </figure>
    }
}
