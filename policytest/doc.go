// Package policytest helps policy officers and integrators write their own
// compliance tests (合规测试) against hubrules, in Go or in scenario files.
//
// In Go, the Require… helpers are built on testify and fail a test with the
// findings spelled out: RequireCompliant, RequireFinding(t, result,
// "SYNC-4"), RequireNoFinding, RequireGrade and RequireAmount (amounts are
// compared as exact decimals, never floats).
//
// Scenario files let people who know the policy but not Go write cases:
// each case names a programme, a date, a kind of check (the same kinds and
// the same JSON input shapes as the hubrules command-line tool), the input,
// optional parameter overrides for a what-if, and what to expect — the
// rules that must fail, a grade, amounts, a refusal's unmet criteria, or an
// input error naming fields. Run(t, "testdata/*.yaml") runs every case as a
// subtest; a failure names the file, the line, the case and the values that
// differ. Unknown keys are errors with a "did you mean" hint, so a typo never
// silently passes.
//
// The seeds' figures (the figures the five published articles state) ship as scenario files in this
// package's testdata and run with go test ./....
package policytest
