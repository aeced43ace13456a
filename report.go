package hubrules

import (
	"strings"

	"github.com/hubrules/hubrules/internal/cite"
	"github.com/hubrules/hubrules/internal/jsonw"
)

// Severity says how serious a finding is.
type Severity string

// The severities.
const (
	// Violation is a rule that did not hold: the organization is not
	// compliant until it is mended.
	Violation Severity = "violation"
	// Warning is something due soon or a shortfall that does not by itself
	// break the rule (a term ending within the notice period).
	Warning Severity = "warning"
	// Notice is information the caller should see (a decision relied on an
	// illustrative parameter).
	Notice Severity = "notice"
)

// Fact is one named value that decided a finding: a count, a date, a
// parameter. Values are written as they would be in a report ("3", "2026-03-01",
// "75.0%") so that a finding reads the same in JSON and text.
type Fact struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	// Label names Value in Chinese and English when Value is a code
	// (own_branch, registration): Describe's Chinese text writes the label
	// with the code in brackets. Empty for numbers, dates and IDs.
	Label Text `json:"label,omitzero"`
}

// String returns "name=value".
func (f Fact) String() string { return f.Name + "=" + f.Value }

// CodeFact is the fact that name has the code v, labelled with v's name.
func CodeFact[E Named](name string, v E) Fact {
	f := Fact{Name: name, Value: string(v)}
	if v != "" {
		f.Label = v.Name()
	}
	return f
}

// Finding is a rule that did not hold (or a warning about it): the rule ID,
// how serious, a bilingual message and the facts that decided it.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// Subject names what the finding is about (an organization ID, a link,
	// a task), when the rule was checked for many.
	Subject string `json:"subject,omitempty"`
	Message Text   `json:"message"`
	Facts   []Fact `json:"facts,omitempty"`
}

// Citation returns the document and article of the finding's rule, as
// its rule package recorded it, in Chinese and English
// (Source.Short), e.g.
// 《社会组织评估管理办法》（民政部令第39号）第二十八条. It is empty for a rule
// no package registered.
func (f Finding) Citation() Text {
	zh, en, ok := cite.Get(f.Rule)
	if !ok {
		return Text{}
	}
	return T(zh, en)
}

// MarshalJSON writes the finding with its rule's citation ("citation"),
// so that a finding read as JSON names its document and article too.
func (f Finding) MarshalJSON() ([]byte, error) { return f.appendJSON(make([]byte, 0, 512), true), nil }

// AppendUncited appends the finding's JSON as MarshalJSON writes it but
// without "citation" (Citation is a function of the rule ID: a JSON Lines
// stream writes it once per rule).
func (f Finding) AppendUncited(b []byte) ([]byte, error) { return f.appendJSON(b, false), nil }

// appendFindingHead appends a finding's opening members, of Finding and
// CompactFinding alike: {"rule", "severity" and "subject" when set.
func appendFindingHead(b []byte, rule string, severity Severity, subject string) []byte {
	b = append(b, `{"rule":`...)
	b = jsonw.String(b, rule)
	b = append(b, `,"severity":`...)
	b = jsonw.String(b, string(severity))
	if subject != "" {
		b = append(b, `,"subject":`...)
		b = jsonw.String(b, subject)
	}
	return b
}

// appendFact appends a fact (a compact one has no label).
func appendFact(b []byte, name, value string, label Text) []byte {
	b = append(b, `{"name":`...)
	b = jsonw.String(b, name)
	b = append(b, `,"value":`...)
	b = jsonw.String(b, value)
	if !label.IsZero() {
		b = append(b, `,"label":`...)
		b = jsonw.Text(b, label.ZH, label.EN)
	}
	return append(b, '}')
}

// appendJSON appends the finding as encoding/json writes findingJSON
// (TestFindingJSONAsMarshal compares the two), its citation when cited:
// a decision writes one finding per unmet criterion, and reflection was
// most of its cost.
func (f Finding) appendJSON(b []byte, cited bool) []byte {
	b = appendFindingHead(b, f.Rule, f.Severity, f.Subject)
	b = append(b, `,"message":`...)
	b = jsonw.Text(b, f.Message.ZH, f.Message.EN)
	if len(f.Facts) > 0 {
		b = append(b, `,"facts":[`...)
		for i, fact := range f.Facts {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendFact(b, fact.Name, fact.Value, fact.Label)
		}
		b = append(b, ']')
	}
	if cited {
		if zh, en, ok := cite.Get(f.Rule); ok && (zh != "" || en != "") {
			b = append(b, `,"citation":`...)
			b = jsonw.Text(b, zh, en)
		}
	}
	return append(b, '}')
}

// plainFinding is a Finding without its MarshalJSON.
type plainFinding Finding

// findingJSON is what Finding.MarshalJSON writes.
type findingJSON struct {
	plainFinding
	Citation *Text `json:"citation,omitempty"`
}

// JSONShape returns the shape MarshalJSON writes (JSONShaper).
func (Finding) JSONShape() any { return findingJSON{} }

// Describe renders the finding for people:
// "[RULE 依据 citation] subject: message (facts)".
func (f Finding) Describe(lang Lang) string {
	var b strings.Builder
	b.WriteString("[")
	b.WriteString(f.Rule)
	if c := f.Citation(); !c.IsZero() {
		if lang == EN {
			b.WriteString(" per ")
		} else {
			b.WriteString(" 依据")
		}
		b.WriteString(c.In(lang))
	}
	b.WriteString("] ")
	if f.Subject != "" {
		b.WriteString(f.Subject)
		b.WriteString(": ")
	}
	b.WriteString(f.Message.In(lang))
	if len(f.Facts) > 0 {
		b.WriteString(" (")
		for i, x := range f.Facts {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(x.Name)
			b.WriteString("=")
			if lang != EN && x.Label.ZH != "" {
				b.WriteString(x.Label.ZH + "（" + x.Value + "）")
				continue
			}
			b.WriteString(x.Value)
		}
		b.WriteString(")")
	}
	return b.String()
}

// Outcome is the result of checking one rule.
type Outcome string

// The outcomes.
const (
	Pass          Outcome = "pass"
	Fail          Outcome = "fail"
	NotApplicable Outcome = "not_applicable"
	// NotInForce is a rule whose text or parameters were not in force on
	// the decision's date (未施行): it was not checked, and a Notice finding
	// of the rule says which parameter starts when.
	NotInForce Outcome = "not_in_force"
)

// Check is the outcome of one rule for one subject.
type Check struct {
	Rule    string  `json:"rule"`
	Subject string  `json:"subject,omitempty"`
	Outcome Outcome `json:"outcome"`
}

// Report is an explained decision: every rule checked with its outcome, the
// findings, and the basis (programme, dates and parameters) it used. Reports
// are values: methods never modify them.
type Report struct {
	Basis    Basis     `json:"basis"`
	Checks   []Check   `json:"checks"`
	Findings []Finding `json:"findings"`
}

// Compliant reports whether no finding is a violation.
func (r Report) Compliant() bool {
	for _, f := range r.Findings {
		if f.Severity == Violation {
			return false
		}
	}
	return true
}

// FailedRules returns the IDs of the rules with at least one violation, in
// the order of their first finding, each once.
func (r Report) FailedRules() []string {
	var out []string
	for _, f := range r.Findings {
		if f.Severity != Violation {
			continue
		}
		seen := false
		for _, id := range out {
			if id == f.Rule {
				seen = true
				break
			}
		}
		if !seen {
			out = append(out, f.Rule)
		}
	}
	return out
}

// FindingsFor returns copies of the findings of rule id (with their own
// facts: editing them does not change the report).
func (r Report) FindingsFor(id string) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Rule == id {
			f.Facts = cloneSlice(f.Facts)
			out = append(out, f)
		}
	}
	return out
}

// Outcome returns the outcome of rule id: Fail if any check of it failed,
// Pass if all its checks passed, NotApplicable if it was checked and did not
// apply, and "" if it was not checked at all.
func (r Report) Outcome(id string) Outcome {
	var out Outcome
	for _, c := range r.Checks {
		if c.Rule != id {
			continue
		}
		switch {
		case c.Outcome == Fail:
			return Fail
		case c.Outcome == Pass:
			out = Pass
		case out == "":
			out = c.Outcome
		}
	}
	return out
}

// Describe renders the report for people, one line a finding after a summary.
func (r Report) Describe(lang Lang) string {
	var b strings.Builder
	b.WriteString(r.Basis.Describe(lang))
	b.WriteString("\n")
	pass, fail, na, nif := 0, 0, 0, 0
	for _, c := range r.Checks {
		switch c.Outcome {
		case Pass:
			pass++
		case Fail:
			fail++
		case NotInForce:
			nif++
		default:
			na++
		}
	}
	if lang == EN {
		b.WriteString("checks: " + itoa(pass) + " passed, " + itoa(fail) + " failed, " + itoa(na) + " not applicable")
		if nif > 0 {
			b.WriteString(", " + itoa(nif) + " not in force")
		}
	} else {
		b.WriteString("检查：" + itoa(pass) + " 项通过，" + itoa(fail) + " 项未通过，" + itoa(na) + " 项不适用")
		if nif > 0 {
			b.WriteString("，" + itoa(nif) + " 项未施行")
		}
	}
	b.WriteString("\n")
	for _, f := range r.Findings {
		b.WriteString("  ")
		b.WriteString(f.Describe(lang))
		b.WriteString("\n")
	}
	return b.String()
}

// Clone returns a copy of b that shares no memory with it: Params and
// Missing are copied (nil stays nil). Checkers return clones of the basis
// they keep, so that editing a result never changes the checker.
func (b Basis) Clone() Basis {
	b.Params = cloneSlice(b.Params)
	b.Missing = cloneSlice(b.Missing)
	return b
}

// CloneInto sets *dst to a copy of b that shares no memory with b, reusing
// the arrays of dst's Params and Missing when they are large enough: Clone
// without allocating, for results that are reused.
func (b Basis) CloneInto(dst *Basis) {
	params, missing := dst.Params, dst.Missing
	*dst = b
	dst.Params = cloneSliceInto(params, b.Params)
	dst.Missing = cloneSliceInto(missing, b.Missing)
}

// Clone returns a copy of r that shares no memory with it: the basis, the
// checks, the findings and every finding's facts are copied.
func (r Report) Clone() Report {
	r.Basis = r.Basis.Clone()
	r.Checks = cloneSlice(r.Checks)
	r.Findings = CloneFindings(r.Findings)
	return r
}

// CloneFindings returns a copy of fs, each finding with its own facts, that
// shares no memory with fs (nil stays nil).
func CloneFindings(fs []Finding) []Finding {
	out := cloneSlice(fs)
	for i := range out {
		out[i].Facts = cloneSlice(out[i].Facts)
	}
	return out
}

func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}

// cloneSliceInto copies src into buf's array when it is large enough.
func cloneSliceInto[T any](buf, src []T) []T {
	if src == nil {
		return nil
	}
	if cap(buf) < len(src) {
		return cloneSlice(src)
	}
	buf = buf[:len(src)]
	copy(buf, src)
	return buf
}

// Name returns the severity in Chinese and English.
func (s Severity) Name() Text {
	switch s {
	case Violation:
		return T("违规", "violation")
	case Warning:
		return T("警示", "warning")
	case Notice:
		return T("提示", "notice")
	}
	return T("未知严重程度", "unknown severity")
}

// Codes lists the severities (Coded).
func (Severity) Codes() []Code { return CodesOf(Violation, Warning, Notice) }

// Name returns the outcome in Chinese and English.
func (o Outcome) Name() Text {
	switch o {
	case Pass:
		return T("通过", "pass")
	case Fail:
		return T("未通过", "fail")
	case NotApplicable:
		return T("不适用", "not applicable")
	case NotInForce:
		return T("未施行", "not in force")
	}
	return T("未知结果", "unknown outcome")
}

// Codes lists the outcomes of a check (Coded).
func (Outcome) Codes() []Code { return CodesOf(Pass, Fail, NotApplicable, NotInForce) }
