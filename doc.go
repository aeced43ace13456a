// Package hubrules is the shared vocabulary of a rules engine for China's
// hub-type party building (枢纽型党建) and social-organization incubation
// (社会组织孵化): the rules that street offices, district civil-affairs
// bureaus and their software vendors apply every day, as tested and
// explainable Go code.
//
// The rules live in four packages that never import each other:
//
//   - hub: a hub organization (枢纽型社会组织) and its party-building duties —
//     which party-organization form each member needs, coverage rates,
//     cross-appointment, the "1+N+X" structure, and the six synchronizations
//     (六同步) of party building with registration, move-in, management,
//     annual inspection, re-election and evaluation;
//   - incubation: the 入壳 → 孵化 → 出壳 → 参与治理 stage machine;
//   - grading: evaluation scores and A-grades (规范化等级评估);
//   - funding: fees, budgets, purchase of services and venture pools, exact
//     to the fen.
//
// This root package holds what they share:
//
//   - Programme: the profile key (national, lujiazui, jingan, wuliqiao,
//     kaixuan, xiyuan). Each programme is a dated set of parameters.
//   - LegalForm (社会团体, 社会服务机构, 基金会, 社区社会组织), PartyForm
//     (单独组建, 联合组建, 活动型党支部, 联络员/指导员, none) and Grade (1A…5A):
//     the enums more than one package uses, with stable JSON codes.
//   - Rule and Source: every rule has an ID (the catalogue is docs/rules.md)
//     and a structured Source: title, issuer, document number, article,
//     dates and the place it governs, or, for the five programmes' published
//     articles, the publication and section (Seed). A Finding names its
//     rule's document and article (Finding.Citation).
//   - Text, Finding, Check and Report: a decision explains itself, in
//     Chinese (primary) and English, with the facts and parameters it used.
//   - Decision: the one envelope (决定) every evaluation answers in — kind,
//     programme, as_of, rule_set (Version and each ParamSet.Digest),
//     outcome (DecisionOutcome: 合规 compliant, 有提示 warnings, 不合规
//     findings, 被拒绝 refused, each with its exit code), checks, findings,
//     basis (the parameters with their values as typed JSON) and result.
//   - Date: a civil date, JSON "2006-01-02", a small integer inside.
//   - ParamSet and Basis: parameters as data. Every number a city or a year
//     can change is read from a YAML file, keyed by programme and by the
//     date it takes effect, with its source and a confidence (verified,
//     secondary, illustrative). A decision records the programme, the
//     effective date and every parameter it relied on.
//   - InputError: malformed input is an error naming each bad field by its
//     JSON path, in Chinese and English (from go-playground/validator's
//     translations, so callers never import validator). Well-formed input
//     that breaks a policy is never an error: it is a Finding.
//
// # Time
//
// Every decision is for one date, which the caller passes (nothing reads
// the clock unless asked). A parameter file keeps each value with the day
// it took effect, so the texts of 2003 and of today live side by side:
// the party constitution's three-member rule of 2002, 2007, 2012, 2017 and
// 2022, the terms of party bodies before and after 2017-10-24 and the 2018
// opinion. Preparing a checker for a date resolves the values in force on
// that day; a rule whose parameter or text is not yet in force answers
// NotInForce (未施行), with a Notice saying when it starts (Basis.Missing,
// Unset), while the other rules of the same decision are decided normally.
// A computation that needs such a rule returns a *NotInForceError, which
// the decision envelope reports as a refusal with that reason. A prepared
// checker asked about another date resolves that date's parameters again
// (or, when its parameters were handed over resolved, refuses with
// OtherDate): one date's parameters are never applied to another date.
//
// Everything is pure: no global mutable state, no I/O in rule packages, no
// clock — the caller passes the date. Results are values; inputs are never
// modified; prepared checkers are safe for concurrent use.
package hubrules
