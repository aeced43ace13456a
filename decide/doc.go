// Package decide answers every kind of decision of hubrules in the one
// decision envelope (hubrules.Decision), from the same JSON input the
// command-line tool reads: the Go face of the contract that the CLI, the
// scenario files and (next) the HTTP service share. A system that holds
// its inputs as JSON — an org tree of 党委 / 党总支 / 党支部, member records,
// score sheets, fund ledgers — asks for a kind by name ("check sync",
// "grade", "fund ledger", …; Kinds lists them), for one programme on one
// date, and gets back kind, programme, as_of, rule_set, outcome, checks,
// findings (always a list), basis (typed parameter values with their
// sources) and the kind's own result.
//
// The rule packages (hub, incubation, grading, funding) stay the way to use
// one rule directly, with typed inputs; decide composes them as a caller
// would and answers in the envelope.
package decide
