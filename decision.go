package hubrules

import "encoding/json"

// Decision is the one envelope every evaluation answers in, whatever its
// kind (六同步检查, 等级评估, 项目管理费, 孵化流转 …), in the Go API's JSON
// and in the command-line tool alike. Its JSON keys are always the same:
//
//	kind       the evaluation ("check sync", "grade", "fund fee", …)
//	programme  the programme asked for
//	as_of      the date the decision is for
//	rule_set   the library version and the digest of each parameter set used
//	outcome    one DecisionOutcome: compliant, warnings, findings or refused
//	checks     every rule checked, with its outcome (always an array)
//	findings   the findings (always an array, never null or missing)
//	basis      where the date came from, the effective date, and every
//	           parameter used with its value as typed JSON
//	result     the kind's own payload (what is neither above nor in basis)
//
// The exit code of the command-line tool follows from Outcome alone
// (DecisionOutcome.ExitCode).
type Decision struct {
	Kind      string          `json:"kind"`
	Programme Programme       `json:"programme"`
	AsOf      Date            `json:"as_of"`
	RuleSet   RuleSet         `json:"rule_set"`
	Outcome   DecisionOutcome `json:"outcome"`
	Checks    []Check         `json:"checks"`
	Findings  []Finding       `json:"findings"`
	Basis     DecisionBasis   `json:"basis"`
	Result    any             `json:"result"`
}

// MarshalJSON writes the decision with checks, findings and the basis's
// lists as arrays even when they are nil.
func (d Decision) MarshalJSON() ([]byte, error) {
	type plain Decision
	if d.Checks == nil {
		d.Checks = []Check{}
	}
	if d.Findings == nil {
		d.Findings = []Finding{}
	}
	d.Basis = d.Basis.normalized()
	return json.Marshal(plain(d))
}

// RuleSet identifies the rules and parameters that decided: the library
// version (Version) and the digest (ParamSet.Digest) of every parameter
// set used, in the order used; a parameter file layered over a package's
// defaults changes the digest.
type RuleSet struct {
	Version string      `json:"version"`
	Params  []SetDigest `json:"params"`
}

// SetDigest is the digest of one parameter set of a rule package.
type SetDigest struct {
	Package string `json:"package"`
	Digest  string `json:"digest"`
}

// NewRuleSet returns the rule set of this library version with the digests
// of sets (nil sets are skipped).
func NewRuleSet(sets ...*ParamSet) RuleSet {
	rs := RuleSet{Version: Version, Params: []SetDigest{}}
	for _, s := range sets {
		if s != nil {
			rs.Params = append(rs.Params, SetDigest{Package: s.Package(), Digest: s.Digest()})
		}
	}
	return rs
}

// DateSource says where a decision's date came from.
type DateSource string

// The date sources.
const (
	// DateFromCaller is a date the caller gave (--date 2024-12-31).
	DateFromCaller DateSource = "caller"
	// DateFromClock is today's date of the machine's clock, asked for
	// explicitly (--date today): such a decision cannot be replayed
	// unchanged on another day.
	DateFromClock DateSource = "clock"
)

// Valid reports whether s is a known date source.
func (s DateSource) Valid() bool { return s == DateFromCaller || s == DateFromClock }

// Name returns the date source in Chinese and English.
func (s DateSource) Name() Text {
	switch s {
	case DateFromCaller:
		return T("调用方给定", "given by the caller")
	case DateFromClock:
		return T("取自系统时钟", "from the clock")
	}
	return T(string(s), string(s))
}

// DecisionBasis is what a decision was based on besides its programme and
// date: where the date came from, the latest effective date among the
// parameter values used, those values with their provenance (each value as
// typed JSON, see ParamRef.JSON), and the parameters that had no value on
// the date, each with the date it starts (the rules that need them answered
// not_in_force).
type DecisionBasis struct {
	DateSource DateSource `json:"date_source"`
	Effective  Date       `json:"effective"`
	Params     []ParamRef `json:"params"`
	Missing    []Unset    `json:"missing"`
}

// BasisOf returns the decision basis of b with its date from source.
func BasisOf(b Basis, source DateSource) DecisionBasis {
	b = b.Clone()
	return DecisionBasis{DateSource: source, Effective: b.Effective, Params: b.Params, Missing: b.Missing}.normalized()
}

func (b DecisionBasis) normalized() DecisionBasis {
	if b.DateSource == "" {
		b.DateSource = DateFromCaller
	}
	if b.Params == nil {
		b.Params = []ParamRef{}
	}
	if b.Missing == nil {
		b.Missing = []Unset{}
	}
	return b
}

// DecisionOutcome is the outcome of a whole decision: one closed set of
// codes for every kind.
type DecisionOutcome string

// The decision outcomes.
const (
	// OutcomeCompliant is a decision with no finding.
	OutcomeCompliant DecisionOutcome = "compliant"
	// OutcomeWarnings is a decision whose findings are all warnings or
	// notices: compliant, with something to attend to.
	OutcomeWarnings DecisionOutcome = "warnings"
	// OutcomeFindings is a decision with at least one violation.
	OutcomeFindings DecisionOutcome = "findings"
	// OutcomeRefused is an operation that was refused: an incubation
	// transition its criteria do not allow, a ledger entry refused.
	OutcomeRefused DecisionOutcome = "refused"
)

// DecisionOutcomes returns every decision outcome, in the order of the
// exit-code table.
func DecisionOutcomes() []DecisionOutcome {
	return []DecisionOutcome{OutcomeCompliant, OutcomeWarnings, OutcomeFindings, OutcomeRefused}
}

// Valid reports whether o is a known decision outcome.
func (o DecisionOutcome) Valid() bool {
	switch o {
	case OutcomeCompliant, OutcomeWarnings, OutcomeFindings, OutcomeRefused:
		return true
	}
	return false
}

// Name returns the outcome in Chinese and English.
func (o DecisionOutcome) Name() Text {
	switch o {
	case OutcomeCompliant:
		return T("合规", "compliant")
	case OutcomeWarnings:
		return T("合规（有提示）", "compliant with warnings")
	case OutcomeFindings:
		return T("不合规", "findings")
	case OutcomeRefused:
		return T("操作被拒绝", "refused")
	}
	return T(string(o), string(o))
}

// Meaning says in Chinese and English when a decision has outcome o.
func (o DecisionOutcome) Meaning() Text {
	switch o {
	case OutcomeCompliant:
		return T("没有任何发现", "no finding")
	case OutcomeWarnings:
		return T("只有提示或警告，没有违规", "warnings or notices only, no violation")
	case OutcomeFindings:
		return T("至少一项违规", "at least one violation")
	case OutcomeRefused:
		return T("操作被拒绝（孵化流转不满足条件、台账拒绝某笔操作）", "an operation was refused (an incubation transition its criteria do not allow, a ledger entry)")
	}
	return T(string(o), string(o))
}

// ExitCode returns the exit code of the command-line tool for a decision
// with outcome o: 0 for compliant and warnings, 1 for findings and
// refused. (Bad input or usage exits 2, an internal error or unwritable
// output 3; those are not decisions.) An unknown outcome gives 3.
func (o DecisionOutcome) ExitCode() int {
	switch o {
	case OutcomeCompliant, OutcomeWarnings:
		return 0
	case OutcomeFindings, OutcomeRefused:
		return 1
	}
	return 3
}

// OutcomeOf returns the outcome of a decision with findings fs: refused
// when refused, else findings when one of fs is a violation, warnings when
// there are other findings, compliant when there are none.
func OutcomeOf(fs []Finding, refused bool) DecisionOutcome {
	if refused {
		return OutcomeRefused
	}
	out := OutcomeCompliant
	for _, f := range fs {
		if f.Severity == Violation {
			return OutcomeFindings
		}
		out = OutcomeWarnings
	}
	return out
}
