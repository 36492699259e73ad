//! A weight on a 0-1 scale with the interval within which the winner stays the winner.

use scope_core::evaluate::Sensitivity;
use scope_core::support::number::bounded;
use scope_core::support::number::{Fixed, Shortest};
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
    let x = |v: f64| 2.0 + bounded(v, 0.0, 1.0) * (W - 4.0);
    let change = s
        .nearest
        .as_ref()
        .map(|c| {
            format!(
                "; at {}% {} would win",
                Fixed(c.weight * 100.0, 0),
                c.winner
            )
        })
        .unwrap_or_default();
    let label = format!(
        "Weight {}%: the winner stays from {}% to {}%{change}",
        Fixed(s.weight * 100.0, 0),
        Fixed(s.from * 100.0, 0),
        Fixed(s.to * 100.0, 0),
    );
    html! {
        <svg class="interval" viewBox={format!("0 0 {} {}", Shortest(W), Shortest(H))} role="img" aria-label={label.clone()}>
            <title>{ label }</title>
            <line class="scale" x1="2" x2={Shortest(W - 2.0).to_string()} y1="9" y2="9" />
            <rect class="stays" x={format!("{}", Fixed(x(s.from), 1))} y="4" width={format!("{}", Fixed((x(s.to) - x(s.from)).max(1.0), 1))} height="10" />
            <line class="now" x1={format!("{}", Fixed(x(s.weight), 1))} x2={format!("{}", Fixed(x(s.weight), 1))} y1="1" y2="17" />
        </svg>
    }
}
