// Command hubrules is the integration surface of the hubrules library for
// systems not written in Go: it reads one JSON input (or JSON Lines), runs
// a rule package on it and writes the explained result as JSON (for
// programs) or text (for people).
//
// Usage:
//
//	hubrules rules [--json]                        the rule catalogue
//	hubrules explain RULE-ID                       one rule, its parameters per programme with provenance
//	hubrules params PACKAGE --programme P --date D the parameters in effect
//	hubrules schema [NAME]                         JSON Schema of the input shapes
//	hubrules check sync|coverage|forms [flags]     hub rules
//	hubrules incubate [flags]                      fire a trigger of the incubation stage machine
//	hubrules grade [flags] / hubrules whatif       evaluation grades
//	hubrules fund allocate|fee|venture|charity|donate|ledger [flags]
//
// Common flags: --in FILE (default standard input), --programme, --date
// YYYY-MM-DD, --format json|text, --lang zh|en, --params FILE (a parameter
// file layered over the package's defaults), --jsonl (one input per line,
// one result per line; check and grade), and the input limits --max-bytes
// (16 MiB), --max-depth (32), --max-items (100,000 per array), --max-string
// (64 KiB) and, for JSON Lines, --max-line (1 MiB): an input over a limit
// exits 2 with the limit named.
//
// Exit codes: 0 evaluated and compliant; 1 evaluated with findings or a
// refusal; 2 bad input or usage (the error as JSON on standard error: each
// field's path with a zh and an en message); 3 internal error.
//
// The tool never writes its inputs to logs: standard error carries only
// error descriptions, which name fields, not their personal values.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
