package hub

import (
	"github.com/hubrules/hubrules"
)

// TermStatus is the term of a party body (HUB-TERM-01): when it was
// elected, when the term ends, an approved extension and whether the
// election is overdue on the evaluation date.
type TermStatus struct {
	Kind      BodyKind      `json:"kind"`
	Community bool          `json:"community,omitempty"`
	ElectedOn hubrules.Date `json:"elected_on"`
	Years     int           `json:"years"`
	// Due is the end of the regular term: ElectedOn + Years.
	Due hubrules.Date `json:"due"`
	// ExtendedTo is the approved extension, if any; ExtensionCap is the
	// latest date an extension may reach (Due + term.max_extension_months).
	ExtendedTo   hubrules.Date `json:"extended_to,omitempty"`
	ExtensionCap hubrules.Date `json:"extension_cap"`
	// ExtensionTooLong is true when ExtendedTo is after ExtensionCap.
	ExtensionTooLong bool `json:"extension_too_long,omitempty"`
	// Deadline is the date by which the election must be held: Due, or the
	// extension within its cap.
	Deadline hubrules.Date `json:"deadline"`
	Overdue  bool          `json:"overdue"`
	DueSoon  bool          `json:"due_soon"`
	// DaysLeft is Deadline − asOf (negative when overdue).
	DaysLeft int `json:"days_left"`
}

// TermYears returns the term length of a body kind: 5 years for a
// committee, 3 for a general branch or branch, 5 for any village or
// community body.
func (c *Checker) TermYears(kind BodyKind, community bool) int {
	switch {
	case community:
		return c.p.CommunityTermYears
	case kind == Committee:
		return c.p.CommitteeTermYears
	}
	return c.p.BranchTermYears
}

// Term computes the term of a body elected on electedOn, with an optional
// approved extension to extendedTo (zero for none), on asOf. An unknown
// kind, a missing election date, an extension ending on or before the
// regular end, or an election after asOf is an *InputError.
func (c *Checker) Term(kind BodyKind, community bool, electedOn, extendedTo, asOf hubrules.Date) (TermStatus, error) {
	var p hubrules.Problems
	c.checkTermInput(&p, "", kind, community, electedOn, extendedTo, asOf)
	if err := p.Err(); err != nil {
		return TermStatus{}, err
	}
	return c.term(kind, community, electedOn, extendedTo, asOf), nil
}

func (c *Checker) checkTermInput(p *hubrules.Problems, prefix string, kind BodyKind, community bool, electedOn, extendedTo, asOf hubrules.Date) {
	if !kind.Valid() {
		p.Add(hubrules.JoinPath(prefix, "kind"), "enum", string(kind), hubrules.UnknownCode("kind", string(kind), kind))
	}
	if electedOn.IsZero() {
		p.Add(hubrules.JoinPath(prefix, "elected_on"), "required", "", hubrules.T("缺少选举日期", "the election date is missing"))
		return
	}
	if asOf.IsZero() {
		p.Add("as_of", "required", "", hubrules.T("需要评估日期", "an evaluation date is required"))
	} else if electedOn.After(asOf) {
		p.Add(hubrules.JoinPath(prefix, "elected_on"), "order", electedOn.String(), hubrules.T("选举日期晚于评估日 "+asOf.String(), "the election date is after the evaluation date "+asOf.String()))
	}
	if !kind.Valid() {
		return
	}
	due := electedOn.AddYears(c.TermYears(kind, community))
	p.Merge(prefix, hubrules.CheckComputed("elected_on", electedOn, due, due.AddMonths(c.p.MaxExtensionMonths)))
	if !extendedTo.IsZero() {
		if !extendedTo.After(due) {
			p.Add(hubrules.JoinPath(prefix, "extended_to"), "order", extendedTo.String(),
				hubrules.T("延期截止日期应晚于任期届满日 "+due.String(), "the extension must end after the regular end of term "+due.String()))
		}
	}
}

func (c *Checker) term(kind BodyKind, community bool, electedOn, extendedTo, asOf hubrules.Date) TermStatus {
	t := TermStatus{Kind: kind, Community: community, ElectedOn: electedOn, Years: c.TermYears(kind, community), ExtendedTo: extendedTo}
	t.Due = electedOn.AddYears(t.Years)
	t.ExtensionCap = t.Due.AddMonths(c.p.MaxExtensionMonths)
	t.Deadline = t.Due
	if extendedTo.After(t.Due) {
		t.Deadline = extendedTo
		if extendedTo.After(t.ExtensionCap) {
			t.ExtensionTooLong = true
			t.Deadline = t.ExtensionCap
		}
	}
	t.DaysLeft = t.Deadline.DaysSince(asOf)
	t.Overdue = asOf.After(t.Deadline)
	t.DueSoon = !t.Overdue && t.DaysLeft <= c.p.TermDueSoonDays
	return t
}

var (
	msgTermOverdue = hubrules.T("任期已满，未按期换届", "the term has ended and the election is overdue")
	msgTermSoon    = hubrules.T("任期即将届满，应准备换届", "the term ends soon; prepare the election")
	msgTermExt     = hubrules.T("延期换届超过允许的最长期限", "the extension is longer than allowed")
)

func (c *Checker) termFindings(subject string, t TermStatus) (hubrules.Outcome, []hubrules.Finding) {
	var fs []hubrules.Finding
	facts := func() []hubrules.Fact {
		return []hubrules.Fact{fact("elected_on", t.ElectedOn.String()), fact("term_years", itoa(t.Years)), fact("due", t.Due.String()),
			fact("deadline", t.Deadline.String()), fact("days_left", itoa(t.DaysLeft))}
	}
	out := hubrules.Pass
	if t.ExtensionTooLong {
		out = hubrules.Fail
		fs = append(fs, hubrules.Finding{Rule: RuleTerm01, Severity: hubrules.Violation, Subject: subject, Message: msgTermExt,
			Facts: []hubrules.Fact{fact("extended_to", t.ExtendedTo.String()), fact("extension_cap", t.ExtensionCap.String()), fact("term.max_extension_months", itoa(c.p.MaxExtensionMonths))}})
	}
	switch {
	case t.Overdue:
		out = hubrules.Fail
		fs = append(fs, hubrules.Finding{Rule: RuleTerm01, Severity: hubrules.Violation, Subject: subject, Message: msgTermOverdue, Facts: facts()})
	case t.DueSoon:
		fs = append(fs, hubrules.Finding{Rule: RuleTerm01, Severity: hubrules.Warning, Subject: subject, Message: msgTermSoon, Facts: facts()})
	}
	return out, fs
}
