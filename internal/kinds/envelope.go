package kinds

import (
	"errors"
	"reflect"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/resultjson"
)

// Decision returns the envelope (hubrules.Decision) of outcome o of kind k
// evaluated in env: the kind, the programme and date of env, the rule set
// of the parameter sets used, and the outcome, checks, findings, basis and
// result that o supplies.
func (k Kind) Decision(env Env, o Outcome) hubrules.Decision {
	rs := o.RuleSet
	if rs == nil {
		r := k.RuleSet(env)
		rs = &r
	}
	return hubrules.Decision{
		Kind: k.Name, Programme: env.Programme, AsOf: env.Date, RuleSet: *rs,
		Outcome: o.Verdict, Checks: o.Report.Checks, Findings: o.Report.Findings,
		Basis: decisionBasis(o, env.DateSource), Result: o.Result,
	}
}

// decisionBasis is o's basis as the envelope's: a copy (BasisOf), except
// that a parameter list the outcome owns is taken as it is — a basis of
// a few dozen parameters with their sources is most of what a decision
// allocates.
func decisionBasis(o Outcome, source hubrules.DateSource) hubrules.DecisionBasis {
	if !o.OwnBasis || o.Report.Basis.Params == nil {
		return hubrules.BasisOf(o.Report.Basis, source)
	}
	b := o.Report.Basis
	params := b.Params
	b.Params = nil
	db := hubrules.BasisOf(b, source)
	db.Params = params
	return db
}

// RuleSet returns the rule set of kind k in env: the library version and
// the digest of each of the kind's parameter sets with env's overlays.
func (k Kind) RuleSet(env Env) hubrules.RuleSet {
	rs, _ := prepared("ruleset|"+k.Name, env, func() (hubrules.RuleSet, error) {
		defaults := k.DefaultSets()
		sets := make([]*hubrules.ParamSet, len(defaults))
		for i, s := range defaults {
			sets[i] = env.Set(s)
		}
		return hubrules.NewRuleSet(sets...), nil
	})
	return rs
}

// Trimmed is a kind's result as the envelope's "result" holds it: the value
// the Go API returns, written to JSON without the members the envelope
// already holds (its basis, checks, findings, programme, date). Paths name
// top-level members ("basis") or members of a member ("decision.basis").
type Trimmed struct {
	Value any
	omit  []string
}

// Omitted returns the paths of the members left out of Value's JSON (for
// the schema of a kind's result).
func (t Trimmed) Omitted() []string { return append([]string(nil), t.omit...) }

// trim returns v written without the members at paths.
func trim(v any, paths ...string) any {
	if len(paths) == 0 {
		return v
	}
	return Trimmed{Value: v, omit: paths}
}

// MarshalJSON writes Value without the omitted members, keeping the order
// of the others.
func (t Trimmed) MarshalJSON() ([]byte, error) { return t.AppendJSON(make([]byte, 0, resultSize)) }

// AppendJSON appends MarshalJSON's bytes to b (the envelope writes the
// result in place through it).
func (t Trimmed) AppendJSON(b []byte) ([]byte, error) { return t.appendTo(b, nil) }

// appendTo appends Value's JSON without the omitted members and, when
// source is not nil, without its rules' sources, each passed to source.
func (t Trimmed) appendTo(b []byte, source func(rule string, s hubrules.Source)) ([]byte, error) {
	if out, ok, err := t.direct(b, source); ok || err != nil {
		return out, err
	}
	var raw []byte
	var err error
	if source == nil {
		raw, err = hubrules.AppendResult(make([]byte, 0, resultSize), t.Value)
	} else {
		raw, err = hubrules.AppendResultUnsourced(make([]byte, 0, resultSize), t.Value, source)
	}
	if err != nil {
		return nil, err
	}
	raw, err = omitMembers(raw, t.omit)
	if err != nil {
		return nil, err
	}
	return append(b, raw...), nil
}

// resultSize is the buffer a result's JSON starts in (16 KiB, about a
// six-synchronization result with its basis).
const resultSize = 16 << 10

// direct appends Value's JSON without the omitted members by the writer
// its type registered with resultjson, if any (ok false otherwise).
func (t Trimmed) direct(b []byte, source func(rule string, s hubrules.Source)) ([]byte, bool, error) {
	if t.Value == nil {
		return b, false, nil
	}
	f := resultjson.Lookup(reflect.TypeOf(t.Value))
	if f == nil {
		return b, false, nil
	}
	return f(b, t.Value, t.omit, source)
}

// AppendUnsourced appends Value's JSON without the omitted members and,
// when Value is a hubrules.SourcedResult, without its rules' sources, each
// passed to source (the JSON Lines record of a decision).
func (t Trimmed) AppendUnsourced(b []byte, source func(rule string, s hubrules.Source)) ([]byte, error) {
	if source == nil {
		source = func(string, hubrules.Source) {}
	}
	return t.appendTo(b, source)
}

// omitMembers returns the JSON object raw without the members at paths;
// anything that is not an object is returned as it is. raw is what
// json.Marshal wrote (compact and valid), so one pass over its bytes finds
// each member without decoding it: the other members are copied as they
// are.
func omitMembers(raw []byte, paths []string) ([]byte, error) {
	if len(raw) == 0 || raw[0] != '{' {
		return raw, nil
	}
	out := make([]byte, 0, len(raw))
	out = append(out, '{')
	i := 1
	for i < len(raw) && raw[i] != '}' {
		if raw[i] == ',' {
			i++
		}
		ks := i
		ke, ok := skipJSON(raw, i)
		if !ok || ke >= len(raw) || raw[ke] != ':' {
			return nil, errNotCompact
		}
		ve, ok := skipJSON(raw, ke+1)
		if !ok {
			return nil, errNotCompact
		}
		key := string(raw[ks+1 : ke-1]) // struct tags: no escapes
		i = ve
		var sub []string
		drop := false
		for _, p := range paths {
			head, rest, nested := strings.Cut(p, ".")
			switch {
			case head != key:
			case nested:
				sub = append(sub, rest)
			default:
				drop = true
			}
		}
		if drop {
			continue
		}
		val := raw[ke+1 : ve]
		if len(sub) > 0 {
			var err error
			if val, err = omitMembers(val, sub); err != nil {
				return nil, err
			}
		}
		if len(out) > 1 {
			out = append(out, ',')
		}
		out = append(out, raw[ks:ke+1]...)
		out = append(out, val...)
	}
	if i >= len(raw) {
		return nil, errNotCompact
	}
	return append(out, '}'), nil
}

// errNotCompact is the error of omitMembers on bytes that are not
// json.Marshal's compact output (a bug of a MarshalJSON).
var errNotCompact = errors.New("kinds: a result's JSON is not compact JSON")

// skipJSON returns the index just past the compact JSON value that starts
// at b[i] (a string, an object, an array or a literal), and false when b
// ends first.
func skipJSON(b []byte, i int) (int, bool) {
	depth := 0
	for i < len(b) {
		switch c := b[i]; c {
		case '"':
			for i++; i < len(b) && b[i] != '"'; i++ {
				if b[i] == '\\' {
					i++
				}
			}
			i++
		case '{', '[':
			depth++
			i++
		case '}', ']':
			if depth == 0 {
				return i, true
			}
			depth--
			i++
		case ',':
			if depth == 0 {
				return i, true
			}
			i++
		default:
			i++
		}
		if depth == 0 && i <= len(b) && (i == len(b) || b[i] == ',' || b[i] == '}' || b[i] == ']' || b[i] == ':') {
			return i, i <= len(b)
		}
	}
	return i, false
}

// mergeBasis returns a with the parameters and missing names of others
// that a lacks, and the latest effective date of all.
func mergeBasis(a hubrules.Basis, others ...hubrules.Basis) hubrules.Basis {
	out := a.Clone()
	for _, o := range others {
		if o.Effective.After(out.Effective) {
			out.Effective = o.Effective
		}
		for _, p := range o.Params {
			seen := false
			for _, q := range out.Params {
				seen = seen || q.Name == p.Name && q.Programme == p.Programme && q.From == p.From
			}
			if !seen {
				out.Params = append(out.Params, p)
			}
		}
		for _, m := range o.Missing {
			if !out.HasMissing(m.Name) {
				out.Missing = append(out.Missing, m)
			}
		}
	}
	return out
}

// verdict returns the envelope's outcome of a report (refused when refused).
func verdict(r hubrules.Report, refused bool) hubrules.DecisionOutcome {
	return hubrules.OutcomeOf(r.Findings, refused)
}

// notInForce wraps a kind's evaluation so that a computation refused
// because its rule was not in force on the date (a *hubrules.NotInForceError)
// is a decision, not an error: refused, with the rule's NotInForce check and
// its not_in_force finding, on a basis that lists the parameters unset.
// Every other error passes through unchanged.
func notInForce(eval func(Env, any) (Outcome, error)) func(Env, any) (Outcome, error) {
	if eval == nil {
		return nil
	}
	return func(env Env, in any) (Outcome, error) {
		o, err := eval(env, in)
		var nif *hubrules.NotInForceError
		if !errors.As(err, &nif) {
			return o, err
		}
		b := hubrules.Basis{Programme: env.Programme, AsOf: nif.AsOf, Missing: append([]hubrules.Unset(nil), nif.Unset...)}
		return refusedNotInForce(nil, b, nif, ""), nil
	}
}

// refusedNotInForce is the Outcome of a decision refused because a rule it
// cannot do without is not in force on the date (nif): the envelope's
// outcome is refused, its check the rule's not_in_force and its finding the
// rule's notice with the day each parameter starts.
func refusedNotInForce(value any, basis hubrules.Basis, nif *hubrules.NotInForceError, subject string) Outcome {
	r := hubrules.NotInForceReport(basis, nif.Rule, subject, nif.Unset)
	o := reportOutcome(value, r, nil, "report")
	o.Refused, o.Compliant, o.Verdict = []string{nif.Rule}, false, hubrules.OutcomeRefused
	return o
}
