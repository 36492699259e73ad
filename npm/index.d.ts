// Types of connector-scope-core. The case file is described fully by schema(); the reports'
// keys below are the stable ones (reports carry more, documented in the project README).

/** A case file (version 1), as an object or its JSON text. */
export type CaseInput = string | { version: 1; exchange: { name: string; [key: string]: unknown }; [key: string]: unknown };

/** Money: a decimal string such as "12238.88". */
export type Money = string;

export interface MaturityReport {
  score: number;
  rank: 'A' | 'B' | 'C' | 'D' | 'blocked';
  blockers: { item: string; label: string }[];
  sections: { id: string; label: string; weight: number; score: number }[];
  findings: { item: string; severity: 'blocker' | 'major' | 'minor'; sentence: string }[];
}

export interface Levels { p50: number; p80: number; p90: number }

export interface EstimateReport {
  effort_hours: {
    pert: Levels & { mean: number; sd: number };
    monte_carlo: Levels & { mean: number; p10: number; samples: number; seed: number };
  };
  /** End to end (maintainer assignment to merge); `build` is development start to merge, the span the record measures. */
  calendar_days: Levels & { p10: number; development: Levels & { p10: number }; build: Levels & { p10: number } };
  p_over_90_days: number;
  cost: { p50: Money; p80: Money; p90: Money; currency: string };
  tasks: { id: string; label: string; mean: number; adjustments: { factor: number; reason: string }[] }[];
  constraints: string[];
  /** The outside view: the past builds (2020-2024) of the case's class. */
  reference_class: {
    class: string;
    connectors: { name: string; days: number }[];
    /** Percent of the class's builds shorter than this estimate's build P50 in whole days (ties count half); null on a path without development. */
    percentile_of_p50: number | null;
    p10: number;
    p50: number;
    p90: number;
    sentence: string;
  };
  /** Where the spread comes from: the common factor's P10 and P90 on effort, the calendar's pace, the release wait. */
  uncertainty: {
    effort_factor_p10: number;
    effort_factor_p90: number;
    pace: number;
    release_wait_days: { optimistic: number; most_likely: number; pessimistic: number };
    calendar_note: string;
    source: string;
  };
  /** The backtest's headline, e.g. "Calendar ranges calibrated on 25 connector builds, 2020-2024: 21 of 25 fell within P10-P90 when re-estimated (from the start of development to the merge)." */
  calibration: string;
}

export interface StagePlan {
  path: string;
  stages: { id: string; applies: 'required' | 'optional' | 'skipped'; reason: string; days: { optimistic: number; most_likely: number; pessimistic: number } | null }[];
}

export interface Evaluation {
  method: 'weighted_sum' | 'topsis';
  normalization: 'max' | 'vector' | 'minmax' | 'sum';
  weights: Record<string, number>;
  ranking: { name: string; score: number; rank: number }[];
  dominated: { name: string; by: string[] }[];
  sensitivity: { criterion: string; weight: number; from: number; to: number }[];
  ahp?: { lambda_max: number; ci: number; cr: number; consistent: boolean };
}

export interface AgreementProjection {
  months: { month: number; total: Money; developer: Money; foundation: Money }[];
  totals: { total: Money; developer: Money; foundation: Money };
}

export function maturity(c: CaseInput): MaturityReport;
export function estimate(c: CaseInput): EstimateReport;
export function plan(c: CaseInput): StagePlan;
export function evaluate(c: CaseInput): Evaluation;
export function agreement(c: CaseInput): AgreementProjection;
/** The proposal to the exchange, as Markdown. */
export function proposal(c: CaseInput): string;
/**
 * Every problem of a case at once, each naming its field; then what the case lacks for a
 * command (`needed_by` names the commands, e.g. a missing `estimate.hourly_rate` for
 * `estimate`). Empty when every command can run.
 */
export function validate(c: CaseInput): { path: string; message: string; needed_by?: string[] }[];
/** The case file's JSON Schema. */
export function schema(): object;

export type Answer = 'documented_with_examples' | 'documented' | 'partial' | 'not_available' | 'not_applicable';
export type Market = 'spot' | 'perpetual' | 'both';

/** Proposed questionnaire answers, each with its evidence, and the items no source showed. */
export interface Prefill {
  answers: Record<string, Answer>;
  evidence: Record<string, { source: string; location: string; why: string; answer?: Answer }[]>;
  not_found: string[];
  /** The documents read (scan only): format ("OpenAPI 3.0.1"), title, counts, and why one was not read. */
  documents?: { name: string; format: string; title: string; operations: number; channels: number; problem?: string }[];
}

/**
 * Reads API documents (OpenAPI 3, Swagger 2, AsyncAPI 2 or 3; JSON or YAML text) and proposes
 * answers for a connector to `market` (default spot). Throws when no document is an API description.
 */
export function scan(documents: { name: string; text: string } | { name: string; text: string }[], options?: { market?: Market }): Prefill;
/** What CCXT implements for an exchange (a CCXT id such as "binance"), as proposed answers ("partial": available, documentation not known). */
export function prefill(id: string, options?: { market?: Market }): Prefill;
/** The case with the proposals accepted: its own answers kept unless `replace`, each taken answer's source recorded in `api_sources`. */
export function accept(c: CaseInput, proposals: Prefill, options?: { replace?: boolean }): object;
