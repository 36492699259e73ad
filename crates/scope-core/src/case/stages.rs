//! The process's vocabulary in the case: the engagement path, the stages and their status, the
//! governance era. Their rules and durations are the process module's.

use crate::support::text_enum::text_enum;

text_enum! {
    /// How the exchange approaches Hummingbot (the four ways of the process document).
    pub enum EngagementPath as "engagement path" {
        /// 1. The exchange pays for the build and asks the Foundation for a developer-maintainer.
        ExchangeFunded => "exchange_funded",
        /// 2. The exchange develops and maintains its own connector.
        ExchangeMaintained => "exchange_maintained",
        /// 3. A developer already built it; the community wants maintenance continuity.
        DeveloperBuilt => "developer_built",
        /// 4. The Foundation funds it through governance: a proposal, then a pull request proposal.
        FoundationGrant => "foundation_grant",
    }
}

text_enum! {
    /// The nine stages of "How does a connector get into Hummingbot codebase?".
    pub enum StageId as "stage" {
        InitialCall => "initial_call",
        Scoping => "scoping",
        Agreement => "agreement",
        MaintainerAssignment => "maintainer_assignment",
        ImprovementProposal => "improvement_proposal",
        Development => "development",
        PullRequest => "pull_request",
        Qa => "qa",
        Merge => "merge",
    }
}

text_enum! {
    /// Where a case stands in one stage.
    pub enum StageStatus as "stage status" {
        NotStarted => "not_started",
        InProgress => "in_progress",
        Done => "done",
    }
}

text_enum! {
    /// The governance era whose vote lengths the plan uses (data/governance_params.csv).
    pub enum GovernanceEra as "governance era" {
        /// 2021-12, the whitepaper: PRP, IP and GP, 7-day votes.
        Whitepaper2021 => "2021_whitepaper",
        /// 2022-09 to 2023-01: PRP, HIP and HGP, 7-day votes.
        Snapshot2022 => "2022_snapshot",
        /// 2023-07, Epoch 5: NCP introduced, 7-day votes.
        Epoch5 => "2023_epoch5",
        /// 2024-01 to 2025-12: quorums in HBOT, 7-day votes.
        HbotQuorum2024 => "2024_hbot_quorum",
        /// Since HGP-77 (January 2026): one proposal type, 2-day discussion then a 3-day vote.
        Current => "current",
    }
}
