// Command hubrules is the integration surface of the hubrules library for
// systems not written in Go: it reads one JSON input (or JSON Lines), runs
// a rule package on it and writes the decision as one JSON envelope (for
// programs) or as text (for people).
//
// Usage:
//
//	hubrules rules [--json]                        the rule catalogue
//	hubrules explain RULE-ID                       one rule, its parameters per programme with provenance
//	hubrules params PACKAGE --programme P --date D the parameters in effect
//	hubrules schema [NAME [--output]]              JSON Schema (2020-12) of an input, or with --output of its decision
//	hubrules test PATH… [--run REGEX]              run scenario files (docs/scenarios.md): a line per scenario, a summary
//	hubrules check sync|coverage|structure|forms   hub rules
//	hubrules incubate                              fire a trigger of the incubation stage machine
//	hubrules grade [standing|annual] / whatif      evaluation grades
//	hubrules fund allocate|fee|venture|charity|donate|ledger
//	hubrules SUBCOMMAND --help                     a subcommand's flags (exit 0)
//
// Every decision is a hubrules.Decision: kind, programme, as_of, rule_set
// (the library version and the digest of each parameter set used), outcome
// (compliant, warnings, findings or refused), checks, findings (always an
// array), basis (where the date came from, and the parameters used with
// their values as typed JSON) and result (the kind's own payload).
//
// --programme and --date YYYY-MM-DD are required by every decision and by
// params: nothing is defaulted. --date today takes the clock's date and the
// envelope says so (basis.date_source "clock", else "caller").
//
// Common flags: --in FILE (default standard input), --format json|text,
// --lang zh|en, --params FILE (a parameter file layered over the package's
// defaults), --jsonl (one input per line; check sync, check forms, grade
// and every fund kind), --progress, and the input limits --max-bytes (16
// MiB), --max-depth (32), --max-items (100,000 per array), --max-string (64
// KiB) and, for JSON Lines, --max-line (1 MiB): an input over a limit exits
// 2 with the limit named. A limit flag of 0 means no limit (as in
// hubrules.Limits; --max-line must be at least 1); a negative one is a
// usage error.
//
// JSON Lines: the first record is a header {"kind", "programme", "as_of",
// "rule_set"}; then one record a line {"line", "outcome", "checks",
// "findings", "result"}, with "basis" only when it differs from the last
// basis written (the first record always has it). A bad line, or one over
// --max-line, is answered with {"line": n, "error": …} and the run goes on;
// an input with no line but blank ones is bad input. --format text with
// --jsonl is a usage error. --progress (by default when standard error is
// a terminal) writes {"progress": {"records", "errors", "per_second",
// "done"}} lines to standard error.
//
// Exit codes, one table for every kind (hubrules.DecisionOutcome.ExitCode;
// "hubrules help" prints it): 0 compliant or warnings; 1 findings or
// refused; 2 bad input or usage (the error as JSON on standard error: each
// field's path with a zh and an en message); 3 internal error, or the
// output could not be written (a full disk: one JSON error line on
// standard error); 141 standard output was closed by its reader
// ("hubrules … | head"): the run ends quietly, and not with 0, since its
// output was cut. With --jsonl the worst line decides.
//
// The tool never writes its inputs to logs: standard error carries only
// error descriptions (and progress), which name fields, not their personal
// values. --mask remove leaves the personal fields (hubrules:"personal": a
// leader, the actor and note of an incubation history) out of the JSON
// output; --mask hash replaces each with a keyed hash (hubrules.MaskHash),
// the key read from --mask-key-file (at most 4096 bytes, a trailing newline
// removed; --mask hash without it is a usage error). Text output names no
// personal field.
package main

import (
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// memoryLimit is the soft limit of the Go runtime's memory that the tool
// sets unless the GOMEMLIMIT environment variable sets one. Every input is
// bounded (16 MiB documents, 100 errors listed), but the garbage collector
// by default lets the heap grow to twice what is live: the worst input
// within the limits (a 16 MiB document of five million list items, each an
// error) has about 130 MB live and would peak near 260 MB. With this limit
// the collector works harder instead, and the process stays under 200 MB.
const memoryLimit = 150 << 20

// gcPercent is the garbage collector's target (GOGC) unless the GOGC
// environment variable sets one. A stream holds little live memory (one
// line, one record, the prepared checkers), so at the default of 100 the
// collector runs every few megabytes and costs a quarter to a third of
// the stream's CPU; at 200 it runs half as often for about 3 MB more
// resident memory (a 100,000-line check sync stream: 4.5 s of CPU
// instead of 5.9 s, 27 MB instead of 24 MB). memoryLimit still bounds
// the worst input.
const gcPercent = 200

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	// A closed standard output must end the run with exitPipe, not kill it
	// by SIGPIPE: with the signal ignored, the write returns EPIPE (see the
	// os/signal documentation on SIGPIPE) and run handles it.
	signal.Ignore(syscall.SIGPIPE)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
