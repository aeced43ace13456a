// Package kinds is the registry of evaluations that the command-line tool
// (cmd/hubrules) and the scenario runner (policytest) share: one Kind per
// input shape ("check sync", "grade", "fund allocate", …), each decoding
// one JSON input and composing the rule packages the way a real system
// would. Keeping one registry means the CLI and the scenario files accept
// exactly the same inputs and give the same results.
package kinds

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/hubrules/hubrules"
)

// Env is what an evaluation runs with: the programme, the evaluation date,
// and parameter files layered over a package's defaults.
type Env struct {
	Programme hubrules.Programme
	Date      hubrules.Date
	// Overlays are parameter sets layered over the defaults, by package
	// ("hub", "incubation", "grading", "funding"); a set applies to the
	// package its file names.
	Overlays []*hubrules.ParamSet
	// DateSource says where Date came from (the envelope's
	// basis.date_source); "" is hubrules.DateFromCaller.
	DateSource hubrules.DateSource
}

// Set returns def with every overlay of def's package layered over it.
func (e Env) Set(def *hubrules.ParamSet) *hubrules.ParamSet {
	out := def
	for _, o := range e.Overlays {
		if o != nil && o.Package() == def.Package() {
			out = out.Overlay(o)
		}
	}
	return out
}

// Outcome is the result of one evaluation, with what scenario files can
// assert on and what the envelope (Kind.Decision) is made of.
type Outcome struct {
	// Value is the result as the Go API returns it.
	Value any
	// Verdict is the decision's outcome (the envelope's "outcome").
	Verdict hubrules.DecisionOutcome
	// Report holds the envelope's checks, findings and basis (every
	// parameter used, also those a result keeps apart, such as a grade's
	// validity basis).
	Report hubrules.Report
	// OwnBasis says that Report.Basis is the outcome's own copy (made for
	// it by a package's Report method and held by nothing else), so that
	// the envelope takes its parameter list without copying it again.
	OwnBasis bool
	// Result is the envelope's "result": Value without what the envelope
	// holds elsewhere (see Trimmed).
	Result any
	// RuleSet, when not nil, is the rule set of the evaluation in place of
	// Kind.RuleSet (whatif grades under two parameter sets).
	RuleSet *hubrules.RuleSet
	// Compliant is false when there are findings (violations) or a refusal.
	Compliant bool
	// Describe renders the result for people.
	Describe func(hubrules.Lang) string
	// Findings are the IDs of the rules that failed, each once.
	Findings []string
	// Grade is the grade decided, for grading kinds.
	Grade hubrules.Grade
	// Amounts are named amounts in yuan ("fee", "awards[2]", …), as
	// strings with two decimals, for funding kinds.
	Amounts map[string]string
	// Refused lists the rule IDs of the unmet criteria of a refused
	// transition, for incubation kinds.
	Refused []string
	// State is the state after an incubation transition.
	State string
}

// Kind is one evaluation over one input shape.
type Kind struct {
	// Name is the command path, e.g. "check sync".
	Name    string
	Package string
	Summary hubrules.Text
	// Input returns a pointer to a new, empty input value.
	Input func() any
	// Eval evaluates one decoded and validated input.
	Eval func(env Env, in any) (Outcome, error)
	// Lines says the kind accepts JSON Lines in the CLI (one input a line).
	Lines bool
	// Sets returns the default parameter sets the kind uses; the
	// envelope's rule_set names their digests (with the overlays of the
	// Env). A set is parsed on first use: a program that decides one kind
	// does not parse every package's parameter file.
	Sets func() []*hubrules.ParamSet
}

var registry []Kind

func register(k ...Kind) {
	for i := range k {
		k[i].Eval = notInForce(k[i].Eval)
	}
	registry = append(registry, k...)
}

// DefaultSets returns the kind's default parameter sets (none when Sets
// is nil).
func (k Kind) DefaultSets() []*hubrules.ParamSet { return setsOf(k.Sets) }

// setsOf returns sets(), or none when sets is nil.
func setsOf(sets func() []*hubrules.ParamSet) []*hubrules.ParamSet {
	if sets == nil {
		return nil
	}
	return sets()
}

// All returns every kind, sorted by name.
func All() []Kind {
	out := append([]Kind(nil), registry...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Lookup returns the kind named name ("check sync" or "check-sync").
func Lookup(name string) (Kind, bool) {
	name = strings.ReplaceAll(name, "-", " ")
	for _, k := range registry {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}

// Names returns the kinds' names.
func Names() []string {
	var out []string
	for _, k := range All() {
		out = append(out, k.Name)
	}
	return out
}

// failed returns the rule IDs of a report's violations ([]string{} when none).
func failed(r hubrules.Report) []string {
	out := r.FailedRules()
	if out == nil {
		out = []string{}
	}
	return out
}

// Package is a rule package as the catalogue commands see it: its rules and
// its default parameter sets.
type Package struct {
	Name  string
	Rules hubrules.Catalogue
	// Sets returns the package's default parameter sets (parsed on first
	// use).
	Sets func() []*hubrules.ParamSet
}

// DefaultSets returns the package's default parameter sets (none when
// Sets is nil).
func (p Package) DefaultSets() []*hubrules.ParamSet { return setsOf(p.Sets) }

var packages []Package

// Packages returns the rule packages in a fixed order.
func Packages() []Package { return append([]Package(nil), packages...) }

func itoa(n int) string { return strconv.Itoa(n) }

func jsonCompact(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// CheckOverlay reports, as an InputError, a parameter file that would have
// no effect on package pkg: one written for another package, or one that
// names a parameter the package does not have (a misspelling would
// otherwise be added silently and never read).
func CheckOverlay(pkg string, over *hubrules.ParamSet) error {
	if over == nil {
		return nil
	}
	var p *Package
	for i := range packages {
		if packages[i].Name == pkg {
			p = &packages[i]
		}
	}
	if p == nil {
		return nil
	}
	if over.Package() != pkg {
		return hubrules.NewInputError(hubrules.FieldError{Path: "package", Code: "package", Value: over.Package(), Param: pkg,
			Message: hubrules.T("参数文件属于规则包 "+over.Package()+"，本命令使用 "+pkg, "the parameter file is for package "+over.Package()+"; this evaluation uses "+pkg)})
	}
	var probs hubrules.Problems
	for _, name := range over.Names() {
		known := false
		var all []string
		for _, s := range p.DefaultSets() {
			all = append(all, s.Names()...)
			known = known || len(s.Values(name)) > 0
		}
		if !known {
			probs.Add("parameters."+name, "unknown_param", name,
				hubrules.T("规则包 "+pkg+" 没有参数 "+name+hintZH(name, all), "package "+pkg+" has no parameter "+name+hintEN(name, all)))
		}
	}
	return probs.Err()
}

func hintZH(s string, known []string) string {
	if b := hubrules.Closest(s, known); b != "" {
		return "；是否想写 " + b + "？"
	}
	return ""
}

func hintEN(s string, known []string) string {
	if b := hubrules.Closest(s, known); b != "" {
		return "; did you mean " + b + "?"
	}
	return ""
}

// Find returns the kind named name ("check sync" or "check-sync"), or an
// *hubrules.InputError at "kind" that lists the kinds and names the
// nearest.
func Find(name string) (Kind, error) {
	if k, ok := Lookup(name); ok {
		return k, nil
	}
	zh, en := "", ""
	if b := hubrules.Closest(name, Names()); b != "" {
		zh, en = "，是否应为 "+b, "; did you mean "+b+"?"
	}
	return Kind{}, hubrules.NewInputError(hubrules.FieldError{Path: "kind", Code: "enum", Value: name,
		Message: hubrules.T("未知的判定种类 "+name+zh, "unknown kind of decision "+name+en)})
}
