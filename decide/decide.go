package decide

import (
	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
)

// Request is one decision asked for.
type Request struct {
	// Kind is the kind's name, as the CLI's subcommand ("check sync");
	// "check-sync" is read the same.
	Kind string
	// Programme and Date are required: nothing is defaulted, and no clock
	// is read.
	Programme hubrules.Programme
	Date      hubrules.Date
	// Params are parameter files layered over the defaults of the package
	// each names (hubrules.ParamSet.Package); a file for a package the
	// kind does not use is refused.
	Params []*hubrules.ParamSet
	// Input is the kind's JSON input, decoded strictly within Limits
	// (hubrules.DefaultLimits when nil).
	Input  []byte
	Limits *hubrules.Limits
}

// Kinds returns the names of every kind, sorted.
func Kinds() []string { return kinds.Names() }

// Decide decodes r.Input as r.Kind's input, evaluates it for r.Programme on
// r.Date and returns the decision. A malformed request or input is an
// *hubrules.InputError naming each bad field ("kind", "programme", "date",
// "params[i]", or the input's own paths); a decision that finds
// violations or refuses an operation is not an error: its Outcome says so.
func Decide(r Request) (hubrules.Decision, error) {
	k, err := kinds.Find(r.Kind)
	if err != nil {
		return hubrules.Decision{}, err
	}
	var p hubrules.Problems
	if !r.Programme.Valid() {
		p.Add("programme", "enum", string(r.Programme), hubrules.UnknownCode("programme", string(r.Programme), r.Programme))
	}
	if r.Date.IsZero() {
		p.Add("date", "required", "", hubrules.T("缺少评估日期 date（不读系统时钟）", "the evaluation date is missing (no clock is read)"))
	}
	for i, set := range r.Params {
		p.Merge(hubrules.Index("params", i), kinds.CheckOverlay(k.Package, set))
	}
	if err := p.Err(); err != nil {
		return hubrules.Decision{}, err
	}
	lim := hubrules.DefaultLimits()
	if r.Limits != nil {
		lim = *r.Limits
	}
	in := k.Input()
	if err := hubrules.DecodeJSONLimited(r.Input, in, lim); err != nil {
		return hubrules.Decision{}, err
	}
	env := kinds.Env{Programme: r.Programme, Date: r.Date, Overlays: r.Params}
	o, err := k.Eval(env, in)
	if err != nil {
		return hubrules.Decision{}, err
	}
	return k.Decision(env, o), nil
}
