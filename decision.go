package hubrules

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hubrules/hubrules/internal/jsonw"
)

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
// lists as arrays even when they are nil. Each member is written once:
// the findings and a result that marshals itself (json.Marshaler) are
// appended as their MarshalJSON wrote them, not re-scanned, and the
// basis's bytes are reused while the basis is the same (see
// DecisionBasis.MarshalJSON).
func (d Decision) MarshalJSON() ([]byte, error) {
	// The buffer starts at the size of the last envelope written and an
	// eighth (a stream of one kind writes envelopes of much the same
	// size), so that it is not grown step by step.
	last := int(lastEnvelope.Load())
	b := make([]byte, 0, max(4<<10, last+last/8))
	defer func() { lastEnvelope.Store(int64(min(len(b), 1<<20))) }()
	b = append(b, `{"kind":`...)
	b, err := appendJSON(b, d.Kind)
	if err != nil {
		return nil, err
	}
	b = append(b, `,"programme":`...)
	if b, err = appendJSON(b, d.Programme); err != nil {
		return nil, err
	}
	b = append(b, `,"as_of":`...)
	if b, err = appendJSON(b, d.AsOf); err != nil {
		return nil, err
	}
	b = append(b, `,"rule_set":`...)
	if b, err = appendJSON(b, d.RuleSet); err != nil {
		return nil, err
	}
	b = append(b, `,"outcome":`...)
	if b, err = AppendDecisionParts(b, d.Outcome, d.Checks, d.Findings); err != nil {
		return nil, err
	}
	b = append(b, `,"basis":`...)
	if b, err = d.Basis.appendJSON(b); err != nil {
		return nil, err
	}
	b = append(b, `,"result":`...)
	if b, err = AppendResult(b, d.Result); err != nil {
		return nil, err
	}
	return append(b, '}'), nil
}

// lastEnvelope is the size of the last envelope MarshalJSON wrote (at
// most 1 MiB).
var lastEnvelope atomic.Int64

// AppendDecisionParts appends what every decision record holds after its
// "outcome" key: the outcome, then ,"checks": and ,"findings": as arrays
// (never null), each finding as its MarshalJSON writes it. The JSON Lines
// records share it with Decision.MarshalJSON.
func AppendDecisionParts(b []byte, o DecisionOutcome, checks []Check, findings []Finding) ([]byte, error) {
	return appendDecisionParts(b, o, checks, findings, true)
}

// AppendDecisionPartsUncited is AppendDecisionParts with each finding
// without its "citation" (Finding.AppendUncited): a JSON Lines record
// writes a rule's citation (出处) once per stream, by rule ID.
func AppendDecisionPartsUncited(b []byte, o DecisionOutcome, checks []Check, findings []Finding) ([]byte, error) {
	return appendDecisionParts(b, o, checks, findings, false)
}

func appendDecisionParts(b []byte, o DecisionOutcome, checks []Check, findings []Finding, cited bool) ([]byte, error) {
	b, err := appendJSON(b, o)
	if err != nil {
		return nil, err
	}
	b = append(b, `,"checks":[`...)
	for i, c := range checks {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"rule":`...)
		b = jsonw.String(b, c.Rule)
		if c.Subject != "" {
			b = append(b, `,"subject":`...)
			b = jsonw.String(b, c.Subject)
		}
		b = append(b, `,"outcome":`...)
		b = jsonw.String(b, string(c.Outcome))
		b = append(b, '}')
	}
	b = append(b, `],"findings":[`...)
	for i, f := range findings {
		if i > 0 {
			b = append(b, ',')
		}
		b = f.appendJSON(b, cited)
	}
	return append(b, ']'), nil
}

// SourcedResult is implemented by a decision result whose JSON holds the
// structured source (依据出处) of the rule some of its members name — a
// six-synchronization link's "source" is its SYNC rule's — so that the
// source is the same in every decision that names the rule. A JSON Lines
// stream writes each such source once, by rule ID, and the result without
// it (AppendResultUnsourced).
type SourcedResult interface {
	// AppendUnsourced appends the result's JSON as MarshalJSON writes it
	// but without those sources, calling source with the rule ID and the
	// source of every member "source" left out.
	AppendUnsourced(b []byte, source func(rule string, s Source)) ([]byte, error)
}

// AppendResultUnsourced appends result v as AppendResult does, but a
// SourcedResult without its rules' sources, each left out reported to
// source.
func AppendResultUnsourced(b []byte, v any, source func(rule string, s Source)) ([]byte, error) {
	if s, ok := v.(SourcedResult); ok {
		return s.AppendUnsourced(b, source)
	}
	return AppendResult(b, v)
}

// AppendResult appends a decision's result: as its MarshalJSON wrote it
// when it marshals itself (the library's results write compact JSON), in
// place when it also has the method AppendJSON(b []byte) ([]byte, error)
// appending those same bytes to b, else as json.Marshal writes it.
func AppendResult(b []byte, v any) ([]byte, error) {
	if a, ok := v.(jsonAppender); ok {
		return a.AppendJSON(b)
	}
	if m, ok := v.(json.Marshaler); ok {
		rb, err := m.MarshalJSON()
		if err != nil {
			return nil, err
		}
		return append(b, rb...), nil
	}
	return appendJSON(b, v)
}

// jsonAppender is a result that appends its MarshalJSON bytes to a
// buffer itself (the envelope's trimmed results): the envelope writes it
// in place instead of copying what MarshalJSON returned.
type jsonAppender interface {
	AppendJSON(b []byte) ([]byte, error)
}

// appendJSON appends json.Marshal's encoding of v.
func appendJSON(b []byte, v any) ([]byte, error) {
	vb, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(b, vb...), nil
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

// jsonCache holds the bytes of recent bases (DecisionBasis and Basis), by
// kind and fingerprint: a programme and date decide many inputs on the
// same parameters, and a basis (every parameter with its value and
// source) is most of an envelope's bytes. It holds at most jsonCacheMax
// fingerprints, one value each (the latest); equality, not the
// fingerprint, decides a hit.
var (
	jsonCache   sync.Map // string → *cachedJSON[T]
	jsonEntries atomic.Int64
)

const jsonCacheMax = 1024

type cachedJSON[T any] struct {
	v    T
	json []byte
}

// reuseJSON appends to dst the bytes cached under key when their value
// equals v, else marshal's bytes, cached with keep(v) (a copy v's caller
// cannot change); with a nil dst the result is a copy of its own.
func reuseJSON[T any](dst []byte, key string, v T, equal func(a, b T) bool, keep func(T) T, marshal func() ([]byte, error)) ([]byte, error) {
	if e, ok := jsonCache.Load(key); ok {
		if c, ok := e.(*cachedJSON[T]); ok && equal(c.v, v) {
			return append(dst, c.json...), nil
		}
	}
	out, err := marshal()
	if err != nil {
		return nil, err
	}
	if _, ok := jsonCache.Load(key); ok || jsonEntries.Load() < jsonCacheMax {
		if _, loaded := jsonCache.Swap(key, &cachedJSON[T]{v: keep(v), json: out}); !loaded {
			jsonEntries.Add(1)
		}
	}
	return append(dst, out...), nil
}

// MarshalJSON writes the basis with its lists as arrays even when they
// are nil; the bytes of a basis equal to a recent one are reused.
func (b DecisionBasis) MarshalJSON() ([]byte, error) { return b.appendJSON(nil) }

// appendJSON appends MarshalJSON's bytes to dst.
func (b DecisionBasis) appendJSON(dst []byte) ([]byte, error) {
	b = b.normalized()
	return reuseJSON(dst, "decision|"+b.fingerprint(), b, DecisionBasis.Equal, DecisionBasis.clone, func() ([]byte, error) {
		type plain DecisionBasis
		return json.Marshal(plain(b))
	})
}

// fingerprint names the basis by its date source, effective date and
// parameter names and dates (not values: Equal decides).
func (b DecisionBasis) fingerprint() string {
	return basisFingerprint(string(b.DateSource), b.Effective, b.Params, b.Missing)
}

// basisFingerprint names a basis by head, its effective date and its
// parameters' names and dates.
func basisFingerprint(head string, effective Date, params []ParamRef, missing []Unset) string {
	var k strings.Builder
	k.WriteString(head)
	k.WriteString(effective.String())
	for _, p := range params {
		k.WriteString("|")
		k.WriteString(p.Name)
		k.WriteString(string(p.Programme))
		k.WriteString(p.From.String())
	}
	for _, m := range missing {
		k.WriteString("!")
		k.WriteString(m.Name)
	}
	return k.String()
}

// Equal reports whether b and o are the same basis (nil and empty lists
// alike): same date source and effective date, the same parameters with
// the same values and sources, in the same order, and the same missing
// parameters.
func (b DecisionBasis) Equal(o DecisionBasis) bool {
	b, o = b.normalized(), o.normalized()
	return b.DateSource == o.DateSource && b.Effective == o.Effective &&
		slices.Equal(b.Params, o.Params) && slices.Equal(b.Missing, o.Missing)
}

// clone returns b with lists of its own.
func (b DecisionBasis) clone() DecisionBasis {
	b.Params, b.Missing = slices.Clone(b.Params), slices.Clone(b.Missing)
	return b
}

// JSONShape returns the shape MarshalJSON writes (JSONShaper).
func (DecisionBasis) JSONShape() any {
	type plain DecisionBasis
	return plain{}
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
