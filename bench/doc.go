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
// event logs (hub.SyncOrg), while the engines receive flat Facts derived
// from the same logs by DeriveFacts (dates as day numbers, the party form's
// strength, counts) — see BENCHMARKS.md for exactly what each side gets.
// Every engine reports the failed rules of an organization as a Mask; the
// tests assert that all four agree on every organization.
package bench
