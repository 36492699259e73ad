//! The engagement paths and the nine stages of the process document, and the stage plan.
//! May import: support, case.
//!
//! Source: the process document "Exchange connector and developer application process"
//! (shared/seed), sections "How do exchanges approach Hummingbot" and "How does a connector get
//! into Hummingbot codebase". Durations: the published timeline (hummingbot-site
//! docs/exchanges/index.md, 2026) and the governance parameters (data/governance_params.csv).

use serde::Serialize;

use crate::case::{Case, EngagementPath, GovernanceEra, StageId, StageStatus};
use crate::support::text_enum::text_enum;
use crate::support::three_point::ThreePoint;

text_enum! {
    /// Whether a stage applies on a path.
    pub enum Applies as "applicability" {
        Required => "required",
        Optional => "optional",
        Skipped => "skipped",
    }
}

impl StageId {
    pub fn label(self) -> &'static str {
        match self {
            StageId::InitialCall => "Initial call",
            StageId::Scoping => "Scoping",
            StageId::Agreement => "Agreement",
            StageId::MaintainerAssignment => "Foundation assigns maintainer",
            StageId::ImprovementProposal => "Improvement proposal",
            StageId::Development => "Connector development",
            StageId::PullRequest => "Pull request generated",
            StageId::Qa => "QA",
            StageId::Merge => "PR approved and merged",
        }
    }

    /// Stages from maintainer assignment on count towards the Foundation's 90-day delivery
    /// guarantee and the published 7-12 weeks; the initial call, scoping and agreement come before.
    pub fn on_delivery_clock(self) -> bool {
        self >= StageId::MaintainerAssignment
    }
}

impl StageStatus {
    pub fn label(self) -> &'static str {
        match self {
            StageStatus::NotStarted => "not started",
            StageStatus::InProgress => "in progress",
            StageStatus::Done => "done",
        }
    }
}

impl EngagementPath {
    pub fn label(self) -> &'static str {
        match self {
            EngagementPath::ExchangeFunded => "The exchange funds the build",
            EngagementPath::ExchangeMaintained => "The exchange builds and maintains it",
            EngagementPath::DeveloperBuilt => "A developer already built it",
            EngagementPath::FoundationGrant => "The Foundation funds it (grant)",
        }
    }

    /// Whether the path needs a duration and cost estimate (a developer-built connector does not:
    /// "No estimation or improvement proposal is required").
    pub fn needs_estimate(self) -> bool {
        self.applies(StageId::Development) != Applies::Skipped
    }

    /// Whether `stage` is required, optional or skipped on this path, and the process document's
    /// reason.
    pub fn stage_rule(self, stage: StageId) -> (Applies, &'static str) {
        use Applies::*;
        use EngagementPath::*;
        use StageId::*;
        match (self, stage) {
            (ExchangeFunded | ExchangeMaintained, InitialCall) => (
                Required,
                "1.a-1.b: the exchange engages the Foundation; a business development meeting presents the Foundation's role, benefits and user base.",
            ),
            (DeveloperBuilt, InitialCall) => (
                Required,
                "1.a: the developer engages the Foundation about the connector.",
            ),
            (FoundationGrant, InitialCall) => (
                Optional,
                "Path 4 starts from a governance proposal, not from an exchange's call; a meeting with the exchange helps but is not a step of the path.",
            ),
            (ExchangeFunded | FoundationGrant, Scoping) => (
                Required,
                "2.a-2.b: the Foundation assesses the exchange and its API, ranks its maturity and estimates the project's length, cost and constraints.",
            ),
            (ExchangeMaintained, Scoping) => (
                Optional,
                "2.a: the Foundation may assess the exchange's API, but the exchange builds the connector itself, so no project estimate is needed.",
            ),
            (DeveloperBuilt, Scoping) => (
                Optional,
                "Path 3: no estimation is required; 2.a.3, the Foundation attempts to engage the exchange.",
            ),
            (ExchangeFunded | ExchangeMaintained | DeveloperBuilt, Agreement) => (
                Required,
                "3: the Foundation negotiates the fee share and marketing promotion agreement with the exchange.",
            ),
            (FoundationGrant, Agreement) => (
                Optional,
                "Path 4 is funded by governance; a fee share agreement with the exchange is still worth negotiating for maintenance.",
            ),
            (ExchangeFunded | FoundationGrant, MaintainerAssignment) => (
                Required,
                "4: the Foundation evaluates candidates and assigns a developer-maintainer; the selection and compensation are made public.",
            ),
            (ExchangeMaintained, MaintainerAssignment) => (
                Skipped,
                "Path 2: no developer-maintainer assignment is needed; the exchange maintains its own connector.",
            ),
            (DeveloperBuilt, MaintainerAssignment) => (
                Optional,
                "Path 3: the developer who built the connector is the natural maintainer; the Foundation allocates the maintainer's percentage.",
            ),
            (FoundationGrant, ImprovementProposal) => (
                Required,
                "5: the connector is funded by the Foundation, so a governance proposal allocates funds to an improvement proposal, and both must pass.",
            ),
            (ExchangeFunded, ImprovementProposal) => (
                Skipped,
                "Path 1: no improvement proposal is required; a connector funded by the exchange goes directly to a pull request proposal.",
            ),
            (ExchangeMaintained, ImprovementProposal) => (
                Skipped,
                "Path 2: no improvement proposal is required; the connector is voted in as a pull request proposal.",
            ),
            (DeveloperBuilt, ImprovementProposal) => (
                Skipped,
                "Path 3: no improvement proposal is required; an already developed connector goes directly to a pull request proposal.",
            ),
            (ExchangeFunded | FoundationGrant, Development) => (
                Required,
                "6: the Foundation marks the connector work in progress on the public board, the maintainer builds it, the PM schedules QA and reports issues.",
            ),
            (ExchangeMaintained, Development) => (
                Skipped,
                "Path 2: no project management for development is needed; the exchange builds the connector on its own schedule.",
            ),
            (DeveloperBuilt, Development) => {
                (Skipped, "Path 3: the connector is already developed.")
            }
            (_, PullRequest) => (
                Required,
                "7: the connector is added to a pull request proposal and the PR is generated.",
            ),
            (_, Qa) => (
                Required,
                "8: QA analysis, with corrective action when needed.",
            ),
            (_, Merge) => (
                Required,
                "9: the connector is released for the pull request proposal vote; after a positive vote the PR is merged.",
            ),
        }
    }

    pub fn applies(self, stage: StageId) -> Applies {
        self.stage_rule(stage).0
    }
}

/// One row of data/governance_params.csv that the plan needs.
struct EraVotes {
    /// Days of the vote of a pull request proposal.
    prp_vote: f64,
    /// Days to pass the funding of an improvement: the governance proposal and the improvement
    /// proposal, each with its discussion period (one proposal since HGP-77).
    funding_votes: f64,
}

const GOVERNANCE_CSV: &str = include_str!("../../data/governance_params.csv");

impl GovernanceEra {
    /// The era's name, short enough for a phone's select.
    pub fn label(self) -> &'static str {
        match self {
            GovernanceEra::Current => "Current (HGP-77, 2026)",
            GovernanceEra::HbotQuorum2024 => "2024-2025 (HBOT quorums)",
            GovernanceEra::Epoch5 => "2023 (Epoch 5)",
            GovernanceEra::Snapshot2022 => "2022 (Snapshot)",
            GovernanceEra::Whitepaper2021 => "2021 (whitepaper)",
        }
    }

    /// The era's vote lengths, in a sentence.
    pub fn votes_sentence(self) -> &'static str {
        match self {
            GovernanceEra::Current => "A 2-day discussion, then a 3-day vote.",
            GovernanceEra::HbotQuorum2024 => "7-day votes with HBOT quorums.",
            GovernanceEra::Epoch5 | GovernanceEra::Snapshot2022 | GovernanceEra::Whitepaper2021 => {
                "7-day votes."
            }
        }
    }

    /// The era's label in the first column of data/governance_params.csv.
    fn csv_era(self) -> &'static str {
        match self {
            GovernanceEra::Whitepaper2021 => "2021-12 whitepaper",
            GovernanceEra::Snapshot2022 => "2022-09..2023-01",
            GovernanceEra::Epoch5 => "2023-07 (Epoch 5; NCP introduced)",
            GovernanceEra::HbotQuorum2024 => "2024-01..2025-12",
            GovernanceEra::Current => "2026-01 HGP-77 (current)",
        }
    }

    fn votes(self) -> EraVotes {
        // Columns: era, proposal_type, snapshot_space, min_hbot_to_create, quorum, vote_duration,
        // discussion_period, ... ("7 days", "2 days min (Discord #proposals)").
        let days = |field: &str| -> f64 {
            field
                .split_whitespace()
                .next()
                .and_then(crate::support::number::parse_number)
                .unwrap_or(0.0)
        };
        let rows: Vec<(String, f64)> = GOVERNANCE_CSV
            .lines()
            .skip(1)
            .filter_map(|line| {
                let cols: Vec<&str> = line.split(',').collect();
                (cols.first() == Some(&self.csv_era()) && cols.len() > 6)
                    .then(|| (cols[1].to_string(), days(cols[5]) + days(cols[6])))
            })
            .collect();
        let of = |prefix: &str| {
            rows.iter()
                .find(|(kind, _)| kind.starts_with(prefix) || kind.contains(&format!("({prefix})")))
                .map(|(_, d)| *d)
        };
        match self {
            // One proposal type: the funding and the connector each pass one HGP.
            GovernanceEra::Current => {
                let hgp = of("HGP").unwrap_or(5.0);
                EraVotes {
                    prp_vote: hgp,
                    funding_votes: hgp,
                }
            }
            _ => EraVotes {
                prp_vote: of("PRP").unwrap_or(7.0),
                funding_votes: of("HGP").unwrap_or(7.0) + of("HIP").unwrap_or(7.0),
            },
        }
    }
}

/// The default three-point duration of a stage, in calendar days, and where it comes from.
pub fn stage_days(stage: StageId, era: GovernanceEra) -> (ThreePoint, &'static str) {
    let votes = era.votes();
    let tp = |a: f64, m: f64, b: f64| ThreePoint::new(a, m, b).unwrap_or(ThreePoint::ZERO);
    match stage {
        StageId::InitialCall => (
            tp(2.0, 5.0, 10.0),
            "assumed: one or two meetings to schedule and hold",
        ),
        StageId::Scoping => (
            tp(5.0, 10.0, 20.0),
            "assumed: collecting API documentation, the questionnaire and the estimate",
        ),
        StageId::Agreement => (
            tp(7.0, 14.0, 30.0),
            "assumed: negotiating and signing the fee share agreement",
        ),
        StageId::MaintainerAssignment => (
            tp(7.0, 10.0, 14.0),
            "published timeline: maintainer assignment 1-2 weeks",
        ),
        StageId::ImprovementProposal => {
            let v = votes.funding_votes;
            (
                tp(v, v + 3.0, 2.0 * v + 7.0),
                "governance votes of the era (data/governance_params.csv), plus drafting; a failed quorum means a second round",
            )
        }
        StageId::Development => (
            tp(28.0, 35.0, 42.0),
            "published timeline: development 4-6 weeks (the estimate replaces it)",
        ),
        StageId::PullRequest => (
            tp(1.0, 2.0, 4.0),
            "assumed: adding the connector to a pull request proposal and opening the PR",
        ),
        StageId::Qa => (tp(7.0, 10.0, 14.0), "published timeline: QA 1-2 weeks"),
        StageId::Merge => {
            let floor = votes.prp_vote.max(7.0);
            (
                tp(floor, floor.max(10.0), 14.0_f64.max(floor + 4.0)),
                "published timeline: release 1-2 weeks, at least the era's pull request proposal vote (the estimate draws the wait for the next release from the 2020-2024 release calendar instead)",
            )
        }
    }
}

/// One stage of a case's plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlannedStage {
    pub id: StageId,
    pub label: &'static str,
    pub applies: Applies,
    pub reason: &'static str,
    /// Three-point calendar days; none for a skipped stage.
    pub days: Option<ThreePoint>,
    pub days_source: Option<&'static str>,
    pub on_delivery_clock: bool,
    pub status: StageStatus,
}

/// The stage plan of a path: every stage in order, with its applicability, reason and duration.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StagePlan {
    pub path: EngagementPath,
    pub path_label: &'static str,
    pub governance_era: GovernanceEra,
    pub stages: Vec<PlannedStage>,
    /// The first applicable stage not done yet, if any.
    pub next_stage: Option<StageId>,
    /// A sequential timeline of the applicable stages at their PERT mean days.
    pub timeline: Vec<TimelineBar>,
    /// PERT mean days of the applicable stages on the delivery clock (maintainer assignment to merge).
    pub delivery_days_mean: f64,
}

/// One bar of the stage timeline (Gantt-like), in days from the start of the case.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineBar {
    pub id: StageId,
    pub start_day: f64,
    pub end_day: f64,
}

/// The stage plan of a case, with the published development duration.
pub fn plan(case: &Case) -> StagePlan {
    StagePlan::new(case.path, case.governance_era, &[], |s| {
        case.stage_status(s)
    })
}

impl StagePlan {
    /// The plan for `path`. `overrides` replace the published durations of some stages, with
    /// their source (the estimate's development days, the release calendar's wait); `status`
    /// gives each stage's progress.
    pub fn new(
        path: EngagementPath,
        era: GovernanceEra,
        overrides: &[(StageId, ThreePoint, &'static str)],
        status: impl Fn(StageId) -> StageStatus,
    ) -> Self {
        let stages: Vec<PlannedStage> = StageId::ALL
            .iter()
            .map(|&id| {
                let (applies, reason) = path.stage_rule(id);
                let (default_days, source) = stage_days(id, era);
                let replaced = overrides.iter().find(|(stage, _, _)| *stage == id);
                let (days, days_source) = match (applies, replaced) {
                    (Applies::Skipped, _) => (None, None),
                    (_, Some((_, days, source))) => (Some(*days), Some(*source)),
                    _ => (Some(default_days), Some(source)),
                };
                PlannedStage {
                    id,
                    label: id.label(),
                    applies,
                    reason,
                    days,
                    days_source,
                    on_delivery_clock: id.on_delivery_clock(),
                    status: status(id),
                }
            })
            .collect();
        let next_stage = stages
            .iter()
            .find(|s| s.applies != Applies::Skipped && s.status != StageStatus::Done)
            .map(|s| s.id);
        let mut day = 0.0;
        let timeline = stages
            .iter()
            .filter_map(|s| {
                let d = s.days?;
                let start = day;
                day += d.pert_mean();
                Some(TimelineBar {
                    id: s.id,
                    start_day: start,
                    end_day: day,
                })
            })
            .collect();
        let delivery_days_mean = stages
            .iter()
            .filter(|s| s.on_delivery_clock)
            .filter_map(|s| s.days.map(|d| d.pert_mean()))
            .sum();
        Self {
            path,
            path_label: path.label(),
            governance_era: era,
            stages,
            next_stage,
            timeline,
            delivery_days_mean,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Applies::*;
    use EngagementPath::*;

    /// The table, row by row, against the process document.
    #[test]
    fn path_table_matches_the_process_document() {
        let expect: [(EngagementPath, [Applies; 9]); 4] = [
            // initial, scoping, agreement, maintainer, improvement, development, PR, QA, merge
            (
                ExchangeFunded,
                [
                    Required, Required, Required, Required, Skipped, Required, Required, Required,
                    Required,
                ],
            ),
            (
                ExchangeMaintained,
                [
                    Required, Optional, Required, Skipped, Skipped, Skipped, Required, Required,
                    Required,
                ],
            ),
            (
                DeveloperBuilt,
                [
                    Required, Optional, Required, Optional, Skipped, Skipped, Required, Required,
                    Required,
                ],
            ),
            (
                FoundationGrant,
                [
                    Optional, Required, Optional, Required, Required, Required, Required, Required,
                    Required,
                ],
            ),
        ];
        for (path, row) in expect {
            for (stage, want) in StageId::ALL.iter().zip(row) {
                assert_eq!(path.applies(*stage), want, "{path} / {stage}");
            }
        }
    }

    #[test]
    fn reasons_quote_the_seed() {
        // "No improvement proposal is required" for paths 1 and 2; "No estimation or improvement
        // proposal is required" for path 3; "No project management for development or developer
        // maintainer assignation is needed" for path 2.
        assert!(
            ExchangeFunded
                .stage_rule(StageId::ImprovementProposal)
                .1
                .contains("no improvement proposal is required")
        );
        assert!(
            ExchangeMaintained
                .stage_rule(StageId::MaintainerAssignment)
                .1
                .contains("no developer-maintainer assignment is needed")
        );
        assert!(
            ExchangeMaintained
                .stage_rule(StageId::Development)
                .1
                .contains("no project management for development")
        );
        assert!(
            DeveloperBuilt
                .stage_rule(StageId::Scoping)
                .1
                .contains("no estimation is required")
        );
        assert!(
            FoundationGrant
                .stage_rule(StageId::ImprovementProposal)
                .1
                .contains("governance proposal allocates funds")
        );
        assert!(!DeveloperBuilt.needs_estimate());
        assert!(ExchangeFunded.needs_estimate() && FoundationGrant.needs_estimate());
    }

    #[test]
    fn governance_eras_read_the_published_vote_lengths() {
        // HGP-77: 2-day discussion + 3-day vote; earlier eras: 7-day votes, two proposals to fund.
        let (current, _) = stage_days(StageId::ImprovementProposal, GovernanceEra::Current);
        assert_eq!(current.optimistic, 5.0);
        let (old, _) = stage_days(StageId::ImprovementProposal, GovernanceEra::HbotQuorum2024);
        assert_eq!(old.optimistic, 14.0);
        for era in GovernanceEra::ALL {
            let (merge, _) = stage_days(StageId::Merge, *era);
            assert!(merge.optimistic >= 7.0 && merge.optimistic <= merge.most_likely);
        }
    }

    #[test]
    fn published_timeline_gives_7_to_12_weeks() {
        let plan = StagePlan::new(ExchangeFunded, GovernanceEra::Current, &[], |_| {
            StageStatus::NotStarted
        });
        let clock: Vec<_> = plan
            .stages
            .iter()
            .filter(|s| s.on_delivery_clock && s.days.is_some())
            .collect();
        let low: f64 = clock.iter().map(|s| s.days.unwrap().optimistic).sum();
        let high: f64 = clock.iter().map(|s| s.days.unwrap().pessimistic).sum();
        // Assignment 1-2 + development 4-6 + QA 1-2 + release 1-2 weeks, plus opening the PR.
        assert!((49.0..=50.0).contains(&low), "{low}");
        assert!((84.0..=88.0).contains(&high), "{high}");
        assert_eq!(plan.next_stage, Some(StageId::InitialCall));
    }

    #[test]
    fn next_stage_skips_done_and_skipped_stages() {
        let plan = StagePlan::new(ExchangeMaintained, GovernanceEra::Current, &[], |s| {
            if s <= StageId::Agreement {
                StageStatus::Done
            } else {
                StageStatus::NotStarted
            }
        });
        assert_eq!(plan.next_stage, Some(StageId::PullRequest));
        assert!(
            plan.stages
                .iter()
                .filter(|s| s.applies == Skipped)
                .all(|s| s.days.is_none())
        );
    }
}
