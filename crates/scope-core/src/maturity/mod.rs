//! The API-maturity questionnaire (the rubric, as data) and the ranking: score 0-100, rank A-D
//! or blocked, sections and findings.
//! May import: support, case.

mod items;
pub mod rubric;

use serde::Serialize;

use crate::case::{Answer, Case, Market};
use crate::support::text_enum::text_enum;
use rubric::{ITEMS, Item, MATURE_FROM_MONTHS, SECTIONS, SectionId, THRESHOLDS, YOUNG_FROM_MONTHS};

text_enum! {
    /// The maturity rank.
    pub enum Rank as "rank" {
        A => "A",
        B => "B",
        C => "C",
        D => "D",
        Blocked => "blocked",
    }
}

text_enum! {
    /// How old the exchange is, from its launch month to the case's `as_of` date.
    pub enum AgeClass as "age class" {
        New => "new",
        Young => "young",
        Mature => "mature",
        Unknown => "unknown",
    }
}

impl Rank {
    pub fn label(self) -> &'static str {
        match self {
            Rank::A => "A, mature",
            Rank::B => "B, established",
            Rank::C => "C, developing",
            Rank::D => "D, immature",
            Rank::Blocked => "blocked",
        }
    }
}

impl AgeClass {
    pub fn from_months(months: Option<i32>) -> Self {
        match months {
            None => AgeClass::Unknown,
            Some(m) if m < YOUNG_FROM_MONTHS => AgeClass::New,
            Some(m) if m < MATURE_FROM_MONTHS => AgeClass::Young,
            Some(_) => AgeClass::Mature,
        }
    }

    /// The age's value in the "exchange" section (unknown counts like a young exchange).
    pub fn value(self) -> f64 {
        match self {
            AgeClass::Mature => 1.0,
            AgeClass::Young | AgeClass::Unknown => 0.6,
            AgeClass::New => 0.25,
        }
    }
}

/// One item's answer and its value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoredItem {
    pub id: &'static str,
    pub label: &'static str,
    pub required: bool,
    /// None: not answered (counted as partial).
    pub answer: Option<Answer>,
    /// None: not counted (not applicable).
    pub value: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SectionScore {
    pub id: SectionId,
    pub label: &'static str,
    /// The section's share of the score, in percent of the applicable sections.
    pub weight: f64,
    /// 0-100 within the section.
    pub score: f64,
    pub items: Vec<ScoredItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Blocker {
    pub item: &'static str,
    pub label: &'static str,
}

text_enum! {
    pub enum Severity as "severity" {
        Blocker => "blocker",
        Major => "major",
        Minor => "minor",
    }
}

/// One sentence on a weak item: what it will cost the connector.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub item: &'static str,
    pub severity: Severity,
    pub sentence: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExchangeAge {
    pub months: Option<i32>,
    pub class: AgeClass,
}

/// The ranking of one case.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MaturityReport {
    pub score: f64,
    pub rank: Rank,
    pub rank_label: &'static str,
    pub blockers: Vec<Blocker>,
    pub sections: Vec<SectionScore>,
    pub findings: Vec<Finding>,
    /// Items with no answer, counted as partial.
    pub unanswered: Vec<&'static str>,
    pub exchange_age: ExchangeAge,
}

/// Whether an item is asked for this market.
pub fn applies(item: &Item, market: Market) -> bool {
    !item.perpetual_only() || market.has_perpetual()
}

/// The answer an item counts with: given, or partial when unanswered.
pub fn effective_answer(case: &Case, item: &Item) -> Answer {
    case.api.get(item.id).copied().unwrap_or(Answer::Partial)
}

pub fn rank(case: &Case) -> MaturityReport {
    let market = case.connector.market;
    let age_months = case.exchange_age_months();
    let age = AgeClass::from_months(age_months);

    let mut sections = Vec::new();
    let mut weighted = 0.0;
    let mut total_weight = 0.0;
    for section in SECTIONS
        .iter()
        .filter(|s| !s.perpetual_only || market.has_perpetual())
    {
        let (score, items) = if section.id == SectionId::Exchange {
            (age.value(), Vec::new())
        } else {
            let items: Vec<(&Item, ScoredItem)> = ITEMS
                .iter()
                .filter(|i| i.section == section.id)
                .map(|i| {
                    let answer = case.api.get(i.id).copied();
                    let value = answer.unwrap_or(Answer::Partial).value();
                    (
                        i,
                        ScoredItem {
                            id: i.id,
                            label: i.label,
                            required: i.required,
                            answer,
                            value,
                        },
                    )
                })
                .collect();
            let (num, den) = items
                .iter()
                .fold((0.0, 0.0), |(n, d), (item, s)| match s.value {
                    Some(v) => (n + v * item.weight, d + item.weight),
                    None => (n, d),
                });
            // A section whose items are all not applicable does not count.
            if den == 0.0 {
                continue;
            }
            (num / den, items.into_iter().map(|(_, s)| s).collect())
        };
        weighted += score * section.weight;
        total_weight += section.weight;
        sections.push(SectionScore {
            id: section.id,
            label: section.label,
            weight: section.weight,
            score: round1(score * 100.0),
            items,
        });
    }
    for s in &mut sections {
        s.weight = round1(100.0 * s.weight / total_weight);
    }
    let score = if total_weight > 0.0 {
        round1(100.0 * weighted / total_weight)
    } else {
        0.0
    };

    let applicable: Vec<&Item> = ITEMS.iter().filter(|i| applies(i, market)).collect();
    let blockers: Vec<Blocker> = applicable
        .iter()
        .filter(|i| i.required && case.api.get(i.id) == Some(&Answer::NotAvailable))
        .map(|i| Blocker {
            item: i.id,
            label: i.label,
        })
        .collect();
    let unanswered: Vec<&'static str> = applicable
        .iter()
        .filter(|i| !case.api.contains_key(i.id))
        .map(|i| i.id)
        .collect();

    let rank = if !blockers.is_empty() {
        Rank::Blocked
    } else {
        THRESHOLDS
            .iter()
            .find(|(_, min)| score >= *min)
            .map_or(Rank::D, |(r, _)| *r)
    };

    let mut findings: Vec<Finding> = applicable
        .iter()
        .filter_map(|item| {
            let ccxt = case
                .api_sources
                .get(item.id)
                .is_some_and(|s| crate::case::from_ccxt(s));
            finding(item, case.api.get(item.id).copied(), ccxt)
        })
        .collect();
    match age {
        AgeClass::New => findings.push(Finding {
            item: "exchange_age",
            severity: Severity::Major,
            sentence: format!(
                "The exchange is {} months old: expect its API to change while the connector is built and maintained.",
                age_months.unwrap_or(0)
            ),
        }),
        AgeClass::Unknown => findings.push(Finding {
            item: "exchange_age",
            severity: Severity::Minor,
            sentence: "The exchange's launch month is not given: its age counts as young (1-3 years).".into(),
        }),
        AgeClass::Young | AgeClass::Mature => {}
    }
    let findings = crate::support::order::sorted_by(findings, |a, b| a.severity.cmp(&b.severity));

    MaturityReport {
        score,
        rank,
        rank_label: rank.label(),
        blockers,
        sections,
        findings,
        unanswered,
        exchange_age: ExchangeAge {
            months: age_months,
            class: age,
        },
    }
}

/// `ccxt`: the answer is CCXT's, which shows the item exists, not how well it is documented.
fn finding(item: &Item, answer: Option<Answer>, ccxt: bool) -> Option<Finding> {
    let (severity, sentence) = match answer {
        Some(Answer::Partial) if ccxt => (
            Severity::Minor,
            format!(
                "{}: CCXT implements it, so it exists, but how well it is documented is not known yet: if it is weak, {}.",
                item.label, item.cost
            ),
        ),
        Some(Answer::NotAvailable) if item.required => (
            Severity::Blocker,
            format!(
                "{} is not available: a Hummingbot connector requires it, so {}.",
                item.label, item.cost
            ),
        ),
        Some(Answer::NotAvailable) => (
            Severity::Major,
            format!("{} is not available: {}.", item.label, item.cost),
        ),
        Some(Answer::Partial) => (
            if item.required {
                Severity::Major
            } else {
                Severity::Minor
            },
            format!("{} is only partly documented: {}.", item.label, item.cost),
        ),
        None if item.required => (
            Severity::Minor,
            format!(
                "{} is not answered yet (counted as partial): if it is weak, {}.",
                item.label, item.cost
            ),
        ),
        _ => return None,
    };
    Some(Finding {
        item: item.id,
        severity,
        sentence,
    })
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Section labels for display.
pub fn section_label(id: SectionId) -> &'static str {
    rubric::section(id).label
}
