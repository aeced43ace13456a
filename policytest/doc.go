// Package policytest helps policy officers and integrators write their own
// compliance tests (合规测试) against hubrules, in Go or in scenario files
// (场景文件).
//
// In Go, the Require… helpers are built on testify and fail a test with the
// findings spelled out: RequireCompliant, RequireFinding(t, result,
// "SYNC-4"), RequireNoFinding, RequireGrade and RequireAmount (amounts are
// compared as exact decimals, never floats).
//
// Scenario files let people who know the policy but not Go write cases:
// each case names a programme (项目), a date (评估日期), a kind of decision
// (the same kinds and the same JSON input shapes as the hubrules
// command-line tool), the input, optional parameter overrides (参数叠加)
// for a what-if, and what to expect (预期) — the rules that must fail, a
// grade, amounts, a refusal's unmet criteria, or an input error naming
// fields. docs/scenarios.md documents every key (Keys is the one table of
// them, which the parser, that document and the format's JSON Schema
// share).
//
// RunFiles is the one runner: it runs files, folders and glob patterns and
// returns a Result per scenario — passed (通过), failed (未通过) with each
// unmet expectation, its line, the rule's title and citation, what the
// decision checked and found with the facts and parameters that decided
// it, or an error (出错) when the case cannot run as written — with the
// command that reruns it alone. A mistyped key is one error of its case,
// with the nearest valid key; the other cases of the file still run.
// `hubrules test` prints these results (Results.Text, in Chinese or
// English, or as JSON), and Run(t, "testdata/") runs every case as a Go
// subtest with the same text, so that the command and the Go tests cannot
// disagree.
//
// The seeds' figures (the figures the five published articles state) ship as scenario files in this
// package's testdata and run with go test ./....
package policytest
