package hub

import (
	"github.com/hubrules/hubrules"
)

// TermStatus is the term of a party body (HUB-TERM-01): when it was
// elected, the term rule in force on that day, the term's end, an approved
// extension and whether the election is due or overdue on the evaluation
// date.
type TermStatus struct {
	Kind      BodyKind      `json:"kind"`
	Community bool          `json:"community,omitempty"`
	ElectedOn hubrules.Date `json:"elected_on"`
	// Rule is the term the rules allowed on the day the body was elected
	// (a body keeps the term it was elected for: the transition of the
	// 2018 opinion); Param names its parameter and RuleFrom the day that
	// value took effect.
	Rule     YearsRule     `json:"rule"`
	Param    string        `json:"param"`
	RuleFrom hubrules.Date `json:"rule_from"`
	// OwnYears is the term the body was elected for, when given
	// (Body.TermYears); OutsideRule is true when Rule does not allow it.
	OwnYears    int  `json:"own_years,omitempty"`
	OutsideRule bool `json:"outside_rule,omitempty"`
	// Years is the term the dates are computed from: OwnYears when given,
	// else the shortest term Rule allows.
	Years int `json:"years"`
	// Due is ElectedOn + Years: from then the election is due. Latest is
	// the end of the longest term allowed (ElectedOn + OwnYears, or + the
	// longest term of Rule): after it, or after an approved extension, the
	// election is overdue.
	Due    hubrules.Date `json:"due"`
	Latest hubrules.Date `json:"latest"`
	// ExtendedTo is the approved extension, if any; ExtensionCap is the
	// latest date an extension may reach (Latest +
	// term.max_extension_months), set when there is an extension.
	ExtendedTo   hubrules.Date `json:"extended_to,omitzero"`
	ExtensionCap hubrules.Date `json:"extension_cap,omitzero"`
	// ExtensionTooLong is true when ExtendedTo is after ExtensionCap.
	ExtensionTooLong bool `json:"extension_too_long,omitempty"`
	// Deadline is the date by which the election must be held: Latest, or
	// the extension within its cap.
	Deadline hubrules.Date `json:"deadline"`
	Overdue  bool          `json:"overdue"`
	// DueSoon is true when not overdue and Due is at most
	// term.due_soon_days away or has passed.
	DueSoon bool `json:"due_soon"`
	// DaysLeft is Deadline − asOf (negative when overdue).
	DaysLeft int `json:"days_left"`
}

// termNames are the parameters of a body's term rule.
var termNames = []string{"term.committee_years", "term.branch_years", "term.community_years"}

// termParams are the term rules of one date.
type termParams struct {
	Committee YearsRule `param:"term.committee_years"`
	Branch    YearsRule `param:"term.branch_years"`
	Community YearsRule `param:"term.community_years"`
}

// termRules are the term rules in force on one election date, with their
// basis.
type termRules struct {
	p     termParams
	basis hubrules.Basis
}

// TermRule returns the term rule of a body kind on the checker's date: a
// village or community body's (term.community_years) when one is in force,
// else its kind's — a committee's (term.committee_years) or a general
// branch's or branch's (term.branch_years). It is the zero YearsRule when
// the rule is not in force on that date.
func (c *Checker) TermRule(kind BodyKind, community bool) YearsRule {
	r, _, _ := c.ownTermRules().rule(kind, community)
	return r
}

func (c *Checker) ownTermRules() termRules {
	return termRules{p: termParams{Committee: c.p.CommitteeTermYears, Branch: c.p.BranchTermYears, Community: c.p.CommunityTermYears},
		basis: c.basis.Only(termNames...)}
}

// termRulesAt returns the term rules in force on the election date d,
// resolved from the checker's set (the checker's own when d is its date).
// A checker built WithResolved cannot resolve them for another date: that
// is hubrules.OtherDate at path.
func (c *Checker) termRulesAt(path string, d hubrules.Date) (termRules, error) {
	if d == c.basis.AsOf {
		return c.ownTermRules(), nil
	}
	if c.set == nil {
		return termRules{}, hubrules.OtherDate(path, d, c.basis.AsOf)
	}
	var tr termRules
	b, err := c.set.Resolve(c.basis.Programme, d, &tr.p)
	if err != nil {
		return termRules{}, err
	}
	tr.basis = b
	var p hubrules.Problems
	for i, r := range [...]YearsRule{tr.p.Committee, tr.p.Branch, tr.p.Community} {
		if !b.HasMissing(termNames[i]) && !r.Valid() {
			p.Add("parameters."+termNames[i]+".value", "years", r.String(), msgBadYears)
		}
	}
	return tr, p.Err()
}

// rule returns the term rule of a body kind, its parameter's name, and the
// parameter unset when none is in force. A community body's own term
// (from the 2018 opinion) applies when in force; before it the body serves
// its kind's term.
func (tr termRules) rule(kind BodyKind, community bool) (YearsRule, string, []hubrules.Unset) {
	if community && !tr.basis.HasMissing("term.community_years") {
		return tr.p.Community, "term.community_years", nil
	}
	r, name := tr.p.Branch, "term.branch_years"
	if kind == Committee {
		r, name = tr.p.Committee, "term.committee_years"
	}
	if u := tr.basis.Unset(name); len(u) > 0 {
		return YearsRule{}, name, u
	}
	return r, name, nil
}

// ref returns the basis entry of parameter name.
func (tr termRules) ref(name string) hubrules.ParamRef {
	p, _ := tr.basis.Param(name)
	return p
}

// Term computes HUB-TERM-01 for body b on asOf from its Kind, Community,
// ElectedOn, ExtendedTo and TermYears (the other fields are not read). The
// term is the rule in force on the election date: b.TermYears, when
// given, must be one it allows (OutsideRule); without it the election is
// due at the shortest term and overdue past the longest. An unknown kind,
// a missing election date, an election after asOf, a term outside 0–20,
// an extension ending on or before the end of the longest term, or a date
// past 9999-12-31 is an *InputError. When no term rule was in force on the
// election date, or the notice period (or, with an extension, the
// extension limit) is not in force on asOf, the answer is a
// *hubrules.NotInForceError.
func (c *Checker) Term(b Body, asOf hubrules.Date) (TermStatus, error) {
	c, err := c.at(asOf)
	if err != nil {
		return TermStatus{}, err
	}
	var p hubrules.Problems
	if asOf.IsZero() {
		p.Add("as_of", "required", "", msgNoAsOf)
	}
	c.checkTermInput(&p, "", b, asOf)
	if err := p.Err(); err != nil {
		return TermStatus{}, err
	}
	tr, err := c.termRulesAt("elected_on", b.ElectedOn)
	if err != nil {
		return TermStatus{}, err
	}
	t, unset, err := c.termOf("", b, tr, asOf)
	if err != nil {
		return TermStatus{}, err
	}
	if len(unset) > 0 {
		return TermStatus{}, &hubrules.NotInForceError{Rule: RuleTerm01, AsOf: unsetDate(unset, b.ElectedOn, asOf), Unset: unset}
	}
	return t, nil
}

var msgNoAsOf = hubrules.T("需要评估日期", "an evaluation date is required")

// unsetDate is the date a term's unset parameters had no value on: the
// election date for the term rule, else asOf.
func unsetDate(unset []hubrules.Unset, electedOn, asOf hubrules.Date) hubrules.Date {
	for _, n := range termNames {
		if unset[0].Name == n {
			return electedOn
		}
	}
	return asOf
}

// checkTermInput checks the fields of b that HUB-TERM-01 reads, before
// the term rule is known (termOf checks the dates computed from it).
func (c *Checker) checkTermInput(p *hubrules.Problems, prefix string, b Body, asOf hubrules.Date) {
	if !b.Kind.Valid() {
		p.Add(hubrules.JoinPath(prefix, "kind"), "enum", string(b.Kind), hubrules.UnknownCode("kind", string(b.Kind), b.Kind))
	}
	if b.TermYears < 0 || b.TermYears > MaxTermYears {
		p.Add(hubrules.JoinPath(prefix, "term_years"), "range", itoa(b.TermYears),
			hubrules.T("届期年数 term_years 应在 1 到 20 之间（未写则按规定的任期）", "term_years must be from 1 to 20 (leave it out to use the rules' term)"))
	}
	if b.ElectedOn.IsZero() {
		p.Add(hubrules.JoinPath(prefix, "elected_on"), "required", "", hubrules.T("缺少选举日期", "the election date is missing"))
		return
	}
	if !asOf.IsZero() && b.ElectedOn.After(asOf) {
		p.Add(hubrules.JoinPath(prefix, "elected_on"), "order", b.ElectedOn.String(), hubrules.T("选举日期晚于评估日 "+asOf.String(), "the election date is after the evaluation date "+asOf.String()))
	}
}

// termOf computes the term of a body whose input checkTermInput accepted,
// with the term rules tr of its election date: the status, or the
// parameters not in force (term rule, notice period, extension limit), or
// an *InputError for the dates computed from the rule.
func (c *Checker) termOf(prefix string, b Body, tr termRules, asOf hubrules.Date) (TermStatus, []hubrules.Unset, error) {
	rule, name, unset := tr.rule(b.Kind, b.Community)
	now := []string{"term.due_soon_days"}
	if !b.ExtendedTo.IsZero() {
		now = append(now, "term.max_extension_months")
	}
	unset = append(unset, c.unset(now...)...)
	if len(unset) > 0 {
		return TermStatus{}, unset, nil
	}
	ref := tr.ref(name)
	t := TermStatus{Kind: b.Kind, Community: b.Community, ElectedOn: b.ElectedOn, Rule: rule, Param: name, RuleFrom: ref.From,
		OwnYears: b.TermYears, ExtendedTo: b.ExtendedTo}
	short, long := rule.Min, rule.Max
	if b.TermYears > 0 {
		short, long = b.TermYears, b.TermYears
		t.OutsideRule = !rule.Allows(b.TermYears)
	}
	t.Years = short
	t.Due, t.Latest = b.ElectedOn.AddYears(short), b.ElectedOn.AddYears(long)
	t.Deadline = t.Latest
	if !b.ExtendedTo.IsZero() {
		t.ExtensionCap = t.Latest.AddMonths(c.p.MaxExtensionMonths)
	}
	var p hubrules.Problems
	p.Merge(prefix, hubrules.CheckComputed("elected_on", b.ElectedOn, t.Due, t.Latest, t.ExtensionCap))
	if !b.ExtendedTo.IsZero() && !b.ExtendedTo.After(t.Latest) {
		p.Add(hubrules.JoinPath(prefix, "extended_to"), "order", b.ExtendedTo.String(),
			hubrules.T("延期截止日期应晚于任期届满日 "+t.Latest.String(), "the extension must end after the end of term "+t.Latest.String()))
	}
	if err := p.Err(); err != nil {
		return TermStatus{}, nil, err
	}
	if b.ExtendedTo.After(t.Latest) {
		t.Deadline = b.ExtendedTo
		if b.ExtendedTo.After(t.ExtensionCap) {
			t.ExtensionTooLong = true
			t.Deadline = t.ExtensionCap
		}
	}
	t.DaysLeft = t.Deadline.DaysSince(asOf)
	t.Overdue = asOf.After(t.Deadline)
	t.DueSoon = !t.Overdue && t.Due.DaysSince(asOf) <= c.p.TermDueSoonDays
	return t, nil, nil
}

var (
	msgTermOverdue = hubrules.T("任期已满，未按期换届", "the term has ended and the election is overdue")
	msgTermSoon    = hubrules.T("任期即将届满，应准备换届", "the term ends soon; prepare the election")
	msgTermDue     = hubrules.T("已满最短任期，应当换届（超过最长任期即为逾期）", "the shortest term has ended: the election is due (overdue after the longest term)")
	msgTermExt     = hubrules.T("延期换届超过允许的最长期限", "the extension is longer than allowed")
	msgTermOutside = hubrules.T("当选时的届期不在当时规定的任期之内", "the term the body was elected for is not one the rules then allowed")
)

func (c *Checker) termFindings(subject string, t TermStatus, asOf hubrules.Date) (hubrules.Outcome, []hubrules.Finding) {
	var fs []hubrules.Finding
	facts := func() []hubrules.Fact {
		return []hubrules.Fact{fact("elected_on", t.ElectedOn.String()), fact(t.Param, t.Rule.String()), fact("term_years", itoa(t.Years)),
			fact("due", t.Due.String()), fact("deadline", t.Deadline.String()), fact("days_left", itoa(t.DaysLeft))}
	}
	out := hubrules.Pass
	if t.OutsideRule {
		out = hubrules.Fail
		fs = append(fs, hubrules.Finding{Rule: RuleTerm01, Severity: hubrules.Violation, Subject: subject, Message: msgTermOutside,
			Facts: []hubrules.Fact{fact("elected_on", t.ElectedOn.String()), fact("term_years", itoa(t.OwnYears)), fact(t.Param, t.Rule.String())}})
	}
	if t.ExtensionTooLong {
		out = hubrules.Fail
		fs = append(fs, hubrules.Finding{Rule: RuleTerm01, Severity: hubrules.Violation, Subject: subject, Message: msgTermExt,
			Facts: []hubrules.Fact{fact("extended_to", t.ExtendedTo.String()), fact("extension_cap", t.ExtensionCap.String()), fact("term.max_extension_months", itoa(c.p.MaxExtensionMonths))}})
	}
	switch {
	case t.Overdue:
		out = hubrules.Fail
		fs = append(fs, hubrules.Finding{Rule: RuleTerm01, Severity: hubrules.Violation, Subject: subject, Message: msgTermOverdue, Facts: facts()})
	case t.DueSoon && asOf.After(t.Due):
		fs = append(fs, hubrules.Finding{Rule: RuleTerm01, Severity: hubrules.Warning, Subject: subject, Message: msgTermDue, Facts: facts()})
	case t.DueSoon:
		fs = append(fs, hubrules.Finding{Rule: RuleTerm01, Severity: hubrules.Warning, Subject: subject, Message: msgTermSoon, Facts: facts()})
	}
	return out, fs
}
