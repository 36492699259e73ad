//! A weight on a 0-1 scale with the interval within which the winner stays the winner.

use scope_core::evaluate::Sensitivity;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WeightIntervalProps {
    pub sensitivity: Sensitivity,
}

const W: f64 = 160.0;
const H: f64 = 18.0;

#[component]
pub fn WeightInterval(props: &WeightIntervalProps) -> Html {
    let s = &props.sensitivity;
    let x = |v: f64| 2.0 + v.clamp(0.0, 1.0) * (W - 4.0);
    let change = s
        .nearest
        .as_ref()
        .map(|c| format!("; at {:.0}% {} would win", c.weight * 100.0, c.winner))
        .unwrap_or_default();
    let label = format!(
        "Weight {:.0}%: the winner stays from {:.0}% to {:.0}%{change}",
        s.weight * 100.0,
        s.from * 100.0,
        s.to * 100.0
    );
    html! {
        <svg class="interval" viewBox={format!("0 0 {W} {H}")} role="img" aria-label={label.clone()}>
            <title>{ label }</title>
            <line class="scale" x1="2" x2={format!("{}", W - 2.0)} y1="9" y2="9" />
            <rect class="stays" x={format!("{:.1}", x(s.from))} y="4" width={format!("{:.1}", (x(s.to) - x(s.from)).max(1.0))} height="10" />
            <line class="now" x1={format!("{:.1}", x(s.weight))} x2={format!("{:.1}", x(s.weight))} y1="1" y2="17" />
        </svg>
    }
}
