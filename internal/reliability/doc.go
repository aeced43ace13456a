// Package reliability holds the library's reliability evidence, as tests
// only: what government systems may feed it and what it answers.
//
//   - The bad-input catalogue: a table of malformed inputs, one or more per
//     kind of mistake named in the package issues, each decoded and evaluated
//     through the registry of evaluation kinds (internal/kinds) or the
//     package API, with the *hubrules.InputError it gives. The table writes
//     docs/bad-input.md (go test ./internal/reliability -update), and the
//     test fails when the committed file differs, so the document cannot
//     drift from the code.
//   - Determinism: every kind's sample input gives byte-identical JSON when
//     evaluated twice and from eight goroutines at once.
//   - Concurrency: prepared checkers (hub, sync, incubation, funding,
//     grading) shared by many goroutines under -race give what a sequential
//     run gives.
//   - Never half-applied: a refused ledger operation or incubation firing
//     leaves its input as it was; evaluations never modify their inputs.
//   - Every leaf of every kind's sample replaced by extreme values (calendar
//     ends, int64 limits, huge amounts, wrong types, null).
//   - Seeded property tests over random SYNC event logs and score sheets, and FuzzKinds,
//     which feeds arbitrary bytes to every kind: no panic, and every error
//     is an *hubrules.InputError.
//
// The package has no non-test code besides this comment.
package reliability
