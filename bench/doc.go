// Package bench compares hubrules with three general-purpose rule engines —
// expr (github.com/expr-lang/expr), CEL (cel.dev/cel-go) and OPA's Rego
// (github.com/open-policy-agent/opa/v1/rego) — on the same rules over the
// same synthetic organizations: the six synchronizations (双孵六同步,
// SYNC-1 … SYNC-6, kaixuan profile: all six links) and HUB-FORM-01 (the
// party form required by the count of formal members: ≥3 own branch,
// 1–2 joint or activity branch, 0 liaison).
//
// It is a separate Go module so that the library never depends on the rule
// engines. Generate builds a fixed-seed population of organizations with a
// realistic mix of compliant and failing links; hubrules checks their real
// event logs (hub.SyncOrg).
//
// The engines are measured twice. In the headline comparison (NewExprLog,
// NewCELLog, NewOPALog in logengines.go; benchmarks expr, cel, opa) each engine
// gets the same event log as a LogEnv — every event's kind code, day number
// (days since 1970-01-01) and party-building flags, in log order, with the
// formal members, the party form's strength and the parameters — and the
// seven rules are written in full in its language: it finds the first
// registration and move-in itself, the first census on or after the
// move-in, counts joint activities per reviewed quarter and pairs reviews
// with re-elections. Only the reviewed quarter window is computed in Go,
// once, as a list of day numbers (calendar arithmetic that hubrules' checker
// also caches for its evaluation date). The facts variants (Expr, CEL, OPA
// in engines.go; benchmarks expr-facts, cel-facts, opa-facts) receive flat
// Facts that DeriveFacts already reduced from the logs in Go (first dates,
// counts), so they evaluate only the final comparisons: they show the
// engines' tax on identical inputs. See BENCHMARKS.md for exactly what each
// side gets. Every engine reports the failed rules of an organization as a
// Mask; the tests assert that all of them agree with hubrules on every
// organization.
package bench
