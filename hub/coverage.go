package hub

import (
	"strconv"
	"strings"

	"github.com/hubrules/hubrules"
)

// Rule IDs of the package.
const (
	RuleForm01   = "HUB-FORM-01"
	RuleForm02   = "HUB-FORM-02"
	RuleForm03   = "HUB-FORM-03"
	RuleTerm01   = "HUB-TERM-01"
	RuleCov01    = "HUB-COV-01"
	RuleCov02    = "HUB-COV-02"
	RuleXapt01   = "HUB-XAPT-01"
	RuleStruct01 = "HUB-STRUCT-01"
	RuleCensus01 = "HUB-CENSUS-01"
	RuleAdmin01  = "HUB-ADMIN-01"
	RuleFunc01   = "HUB-FUNC-01"
	RuleBoard01  = "HUB-BOARD-01"
	RuleXiyuan01 = "HUB-XIYUAN-01"
	RuleXiyuan02 = "HUB-XIYUAN-02"
	RuleXiyuan03 = "HUB-XIYUAN-03"
	RuleCentre01 = "HUB-CENTRE-01"
	RuleDay01    = "HUB-DAY-01"
)

// FormCounts counts organizations by party form.
type FormCounts struct {
	OwnBranch      int `json:"own_branch"`
	JointBranch    int `json:"joint_branch"`
	ActivityBranch int `json:"activity_branch"`
	Liaison        int `json:"liaison"`
	None           int `json:"none"`
}

// formStrength is hubrules.PartyForm.Strength by form code.
var formStrength = [5]int{3, 2, 2, 1, 0}

// Total returns the number of organizations counted.
func (f FormCounts) Total() int {
	return f.OwnBranch + f.JointBranch + f.ActivityBranch + f.Liaison + f.None
}

// Organizational returns the count with 组织覆盖 (own, joint or activity branch).
func (f FormCounts) Organizational() int { return f.OwnBranch + f.JointBranch + f.ActivityBranch }

// Work returns the count with 工作覆盖 (organizational coverage or a liaison).
func (f FormCounts) Work() int { return f.Organizational() + f.Liaison }

// FormRates are the shares of each form among all members.
type FormRates struct {
	OwnBranch      Rate `json:"own_branch"`
	JointBranch    Rate `json:"joint_branch"`
	ActivityBranch Rate `json:"activity_branch"`
	Liaison        Rate `json:"liaison"`
	None           Rate `json:"none"`
}

// Rates returns each form's share of the total.
func (f FormCounts) Rates() FormRates {
	t := f.Total()
	return FormRates{OwnBranch: NewRate(f.OwnBranch, t), JointBranch: NewRate(f.JointBranch, t), ActivityBranch: NewRate(f.ActivityBranch, t),
		Liaison: NewRate(f.Liaison, t), None: NewRate(f.None, t)}
}

// CategoryCoverage is the coverage of one service category.
type CategoryCoverage struct {
	Category       Category   `json:"category"`
	Forms          FormCounts `json:"forms"`
	Organizational Rate       `json:"organizational"`
	Work           Rate       `json:"work"`
}

// Shortfall is an organization whose party form is weaker than its formal
// members require (HUB-COV-02).
type Shortfall struct {
	Member        string             `json:"member"`
	Index         int                `json:"index"`
	FormalMembers int                `json:"formal_members"`
	Has           hubrules.PartyForm `json:"has"`
	Required      hubrules.PartyForm `json:"required"`
}

// CoverageResult is the coverage of a hub's members (HUB-COV-01/02,
// HUB-XAPT-01, HUB-CENSUS-01) with the report of the checks.
type CoverageResult struct {
	Hub   string     `json:"hub,omitempty"`
	Total int        `json:"total"`
	Forms FormCounts `json:"forms"`
	// FormRates are the shares of each form (8/32 own branches = 25.0 %).
	FormRates FormRates `json:"form_rates"`
	// Organizational is 组织覆盖率: orgs in a party organization / all orgs.
	Organizational Rate `json:"organizational"`
	// Work is 工作覆盖率: orgs with organizational coverage or a liaison / all.
	Work Rate `json:"work"`
	// CrossAppointment is the share of organizations cross-appointed:
	// cross-appointed organizations / organizations with a party
	// organization (organizational coverage: a liaison-only organization has
	// no party organization to cross-appoint with).
	CrossAppointment Rate `json:"cross_appointment"`
	// CrossAppointedPersons counts the persons in a cross appointment over
	// all members; nil when a cross-appointed organization did not give
	// its count (PersonsUnknown lists them), never read as 0.
	CrossAppointedPersons *int     `json:"cross_appointed_persons"`
	PersonsUnknown        []string `json:"persons_unknown,omitempty"`
	// CrossAppointmentPersons is 交叉任职占比 as wuliqiao states it:
	// cross-appointed persons / member organizations (24 persons / 32
	// organizations = 75.0 %), the rate HUB-XAPT-01 holds against the
	// target; undefined while the persons are unknown.
	CrossAppointmentPersons Rate `json:"cross_appointment_persons"`
	// CrossAppointmentTarget is the target percentage (parameter).
	CrossAppointmentTarget string `json:"cross_appointment_target"`
	// ByCategory lists the categories present, in the order of Categories().
	ByCategory []CategoryCoverage `json:"by_category"`
	Shortfalls []Shortfall        `json:"shortfalls,omitempty"`
	// CensusMissing and CensusStale count HUB-CENSUS-01 failures.
	CensusMissing int             `json:"census_missing"`
	CensusStale   int             `json:"census_stale"`
	Report        hubrules.Report `json:"report"`
}

var (
	msgShortfall     = hubrules.T("党组织形式弱于正式党员数所要求的形式", "the party form is weaker than its formal members require")
	msgOverForm      = hubrules.T("单独组建党支部但正式党员不足", "an own branch with fewer formal members than an own branch needs")
	msgCensusNo      = hubrules.T("没有党员情况排摸记录", "no party census recorded")
	msgCensusOld     = hubrules.T("党员情况排摸已超过更新周期", "the party census is older than the refresh period")
	msgWorkGap       = hubrules.T("部分成员组织尚无党的工作覆盖", "some member organizations have no party work coverage")
	msgXaptLow       = hubrules.T("交叉任职占比（交叉任职人数／成员组织数）低于目标", "the cross-appointment rate (persons cross-appointed / member organizations) is below the target")
	msgXaptNoPersons = hubrules.T("有交叉任职的组织未报交叉任职人数，无法计算交叉任职占比", "a cross-appointed organization did not give its count of cross-appointed persons: the rate cannot be computed")
)

// Coverage computes the coverage of a hub's members on asOf: counts and
// rates by form and by category, organizations whose form falls short of
// what their formal members require, the cross-appointment rate against its
// target, and census freshness. Malformed input (unknown codes, negative
// counts, duplicate IDs, dates after asOf) is an *InputError. The member
// list is not modified.
func (c *Checker) Coverage(m Members, asOf hubrules.Date) (CoverageResult, error) {
	c, err := c.dated(asOf)
	if err != nil {
		return CoverageResult{}, err
	}
	// Each rule reads its own parameter: HUB-COV-02 and HUB-FORM-01
	// form.own_branch_min_formal, HUB-XAPT-01 xapt.target_percent,
	// HUB-CENSUS-01 census.refresh_months; one not in force makes its
	// rule not_in_force and leaves the others as they are.
	ownU, xaptU, censusU := c.unset("form.own_branch_min_formal"), c.unset("xapt.target_percent"), c.unset("census.refresh_months")
	t := &coverageTally{c: c, ownSet: ownU == nil, censusSet: censusU == nil, ownMin: c.p.OwnBranchMinFormal,
		r: CoverageResult{Hub: m.Hub, Total: len(m.Members)}}
	if censusU == nil {
		t.staleBefore = c.censusCutoff(asOf)
	}
	// Validation's pass over the members counts them too: at 1,000,000
	// members each pass reads 176 MB, most of the cost per member.
	if err := validateMembers(m, asOf, t.add); err != nil {
		return CoverageResult{}, err
	}
	r, counts, xapt, persons, findings, cl := t.r, &t.counts, t.xapt, t.persons, t.findings, &t.claims
	if xaptU == nil {
		r.CrossAppointmentTarget = formatTenths(c.xaptT)
	}
	var cats [6]FormCounts
	for k := range counts {
		cats[k] = FormCounts{OwnBranch: counts[k][0], JointBranch: counts[k][1], ActivityBranch: counts[k][2], Liaison: counts[k][3], None: counts[k][4]}
		r.Forms.OwnBranch += counts[k][0]
		r.Forms.JointBranch += counts[k][1]
		r.Forms.ActivityBranch += counts[k][2]
		r.Forms.Liaison += counts[k][3]
		r.Forms.None += counts[k][4]
	}
	r.FormRates = r.Forms.Rates()
	r.Organizational = NewRate(r.Forms.Organizational(), r.Total)
	r.Work = NewRate(r.Forms.Work(), r.Total)
	r.CrossAppointment = NewRate(xapt, r.Forms.Organizational())
	if r.PersonsUnknown == nil {
		r.CrossAppointedPersons = &persons
		r.CrossAppointmentPersons = NewRate(persons, r.Total)
	}
	for _, cat := range Categories() {
		fc := cats[cat.index()]
		if fc.Total() == 0 {
			continue
		}
		r.ByCategory = append(r.ByCategory, CategoryCoverage{Category: cat, Forms: fc,
			Organizational: NewRate(fc.Organizational(), fc.Total()), Work: NewRate(fc.Work(), fc.Total())})
	}
	subj := m.Hub
	checks := make([]hubrules.Check, 0, 4)
	out := func(fail bool) hubrules.Outcome {
		if fail {
			return hubrules.Fail
		}
		return hubrules.Pass
	}
	var hubFindings []hubrules.Finding
	if r.Total == 0 {
		checks = append(checks, hubrules.Check{Rule: RuleCov01, Subject: subj, Outcome: hubrules.NotApplicable})
	} else {
		gap := r.Work.Numerator < r.Total
		checks = append(checks, hubrules.Check{Rule: RuleCov01, Subject: subj, Outcome: out(gap || len(cl.out) > 0)})
		if gap {
			hubFindings = append(hubFindings, hubrules.Finding{Rule: RuleCov01, Severity: hubrules.Warning, Subject: subj, Message: msgWorkGap,
				Facts: []hubrules.Fact{fact("work_coverage", r.Work.String()), fact("organizational_coverage", r.Organizational.String())}})
		}
	}
	// 一方隶属: a person's formal membership is in one organization.
	for _, d := range cl.out {
		hubFindings = append(hubFindings, doubleClaimFinding(d))
	}
	gated := func(rule string, u []hubrules.Unset) bool {
		if u == nil {
			return false
		}
		ch, f := notInForce(rule, subj, asOf, u)
		checks = append(checks, ch)
		hubFindings = append(hubFindings, f)
		return true
	}
	if !gated(RuleCov02, ownU) {
		checks = append(checks, hubrules.Check{Rule: RuleCov02, Subject: subj, Outcome: out(len(r.Shortfalls) > 0)})
	}
	switch {
	case gated(RuleXapt01, xaptU):
	case r.Total == 0:
		checks = append(checks, hubrules.Check{Rule: RuleXapt01, Subject: subj, Outcome: hubrules.NotApplicable})
	case r.PersonsUnknown != nil:
		// No record of the persons: not applicable with a finding of its
		// own, never a pass.
		checks = append(checks, hubrules.Check{Rule: RuleXapt01, Subject: subj, Outcome: hubrules.NotApplicable})
		hubFindings = append(hubFindings, hubrules.Finding{Rule: RuleXapt01, Severity: hubrules.Warning, Subject: subj, Message: msgXaptNoPersons,
			Facts: []hubrules.Fact{fact("persons_unknown", strconv.Itoa(len(r.PersonsUnknown))), fact("first_without_count", r.PersonsUnknown[0])}})
	default:
		low := r.CrossAppointmentPersons.Tenths() < c.xaptT
		checks = append(checks, hubrules.Check{Rule: RuleXapt01, Subject: subj, Outcome: out(low)})
		if low {
			hubFindings = append(hubFindings, hubrules.Finding{Rule: RuleXapt01, Severity: hubrules.Warning, Subject: subj, Message: msgXaptLow,
				Facts: []hubrules.Fact{fact("cross_appointment_persons", r.CrossAppointmentPersons.String()),
					fact("cross_appointed_orgs", r.CrossAppointment.String()), fact("xapt.target_percent", r.CrossAppointmentTarget+"%")}})
		}
	}
	if !gated(RuleCensus01, censusU) {
		checks = append(checks, hubrules.Check{Rule: RuleCensus01, Subject: subj, Outcome: out(r.CensusMissing+r.CensusStale > 0)})
	}
	r.Report = hubrules.Report{
		Basis:    c.basisFor(asOf, "form.own_branch_min_formal", "xapt.target_percent", "census.refresh_months"),
		Checks:   checks,
		Findings: append(hubFindings, findings...),
	}
	if r.Report.Findings == nil {
		r.Report.Findings = []hubrules.Finding{}
	}
	return r, nil
}

// coverageTally counts the members for Coverage one at a time, as
// validateMembers visits them.
type coverageTally struct {
	c                 *Checker
	ownSet, censusSet bool // form.own_branch_min_formal, census.refresh_months in force
	ownMin            int
	staleBefore       hubrules.Date
	r                 CoverageResult
	// counts by category × form code; each code is looked up once per member.
	counts        [6][5]int
	xapt, persons int
	findings      []hubrules.Finding
	claims        claims
}

// add counts member i, whose fields are valid.
func (t *coverageTally) add(i int, mb *Member) {
	c, r := t.c, &t.r
	t.claims.add(mb)
	formal := *mb.FormalMembers // required, checked before
	fk := mb.Form.Index()
	t.counts[mb.Category.index()][fk]++
	if mb.crossAppointed() {
		t.xapt++
		if n := mb.CrossAppointedPersons; n != nil {
			t.persons += *n
		} else {
			r.PersonsUnknown = append(r.PersonsUnknown, mb.ID)
		}
	}
	need := 1
	if formal >= t.ownMin {
		need = 3
	} else if formal >= 1 {
		need = 2
	}
	switch {
	case !t.ownSet:
	case formStrength[fk] < need:
		req := c.requiredForm(formal)
		r.Shortfalls = append(r.Shortfalls, Shortfall{Member: mb.ID, Index: i, FormalMembers: formal, Has: mb.Form, Required: req})
		t.findings = append(t.findings, hubrules.Finding{Rule: RuleCov02, Severity: hubrules.Violation, Subject: mb.ID, Message: msgShortfall,
			Facts: []hubrules.Fact{fact("formal_members", strconv.Itoa(formal)), hubrules.CodeFact("has", mb.Form), hubrules.CodeFact("required", req),
				fact("form.own_branch_min_formal", strconv.Itoa(c.p.OwnBranchMinFormal))}})
	case fk == 0 && formal < t.ownMin:
		t.findings = append(t.findings, hubrules.Finding{Rule: RuleForm01, Severity: hubrules.Warning, Subject: mb.ID, Message: msgOverForm,
			Facts: []hubrules.Fact{fact("formal_members", strconv.Itoa(formal)), fact("form.own_branch_min_formal", strconv.Itoa(c.p.OwnBranchMinFormal))}})
	}
	switch {
	case !t.censusSet:
	case mb.CensusOn.IsZero():
		r.CensusMissing++
		t.findings = append(t.findings, hubrules.Finding{Rule: RuleCensus01, Severity: hubrules.Violation, Subject: mb.ID, Message: msgCensusNo})
	case mb.CensusOn.Before(t.staleBefore):
		r.CensusStale++
		t.findings = append(t.findings, hubrules.Finding{Rule: RuleCensus01, Severity: hubrules.Violation, Subject: mb.ID, Message: msgCensusOld,
			Facts: []hubrules.Fact{fact("census_on", mb.CensusOn.String()), fact("census.refresh_months", strconv.Itoa(c.p.CensusRefreshMonths))}})
	}
}

var msgDoubleClaim = hubrules.T("同一党员的组织关系被两个组织同时列为本组织（一方隶属：组织关系只能在一个组织）",
	"a person's formal membership is claimed by two organizations (一方隶属: the membership is in one organization only)")

func doubleClaimFinding(d personClaim) hubrules.Finding {
	return hubrules.Finding{Rule: RuleCov01, Severity: hubrules.Violation, Subject: d.person, Message: msgDoubleClaim,
		Facts: []hubrules.Fact{fact("person", d.person), fact("claimed_by", d.first), fact("also_claimed_by", d.second)}}
}

// forMembers returns the checker for asOf after checking the evaluation
// date and every field of m (Statistics).
func (c *Checker) forMembers(m Members, asOf hubrules.Date) (*Checker, error) {
	c, err := c.dated(asOf)
	if err != nil {
		return nil, err
	}
	if err := validateMembers(m, asOf, nil); err != nil {
		return nil, err
	}
	return c, nil
}

// dated returns the checker for the evaluation date asOf, which is
// required.
func (c *Checker) dated(asOf hubrules.Date) (*Checker, error) {
	if asOf.IsZero() {
		return nil, hubrules.NewInputError(hubrules.FieldError{Path: "as_of", Code: "required",
			Message: hubrules.T("需要评估日期", "an evaluation date is required")})
	}
	return c.at(asOf)
}

// Describe renders the coverage for people: the rates, then the report
// (which names any parameter that is not verified).
func (r CoverageResult) Describe(lang hubrules.Lang) string {
	var b strings.Builder
	persons := "?"
	if r.CrossAppointedPersons != nil {
		persons = r.CrossAppointmentPersons.String()
	}
	if lang == hubrules.EN {
		b.WriteString("members: " + strconv.Itoa(r.Total) + "; organizational coverage " + r.Organizational.String() +
			"; work coverage " + r.Work.String() + "; cross-appointment " + persons + " (persons / member organizations; target " + r.CrossAppointmentTarget +
			"%), organizations cross-appointed " + r.CrossAppointment.String() + " of those with a party organization\n")
	} else {
		b.WriteString("成员组织 " + strconv.Itoa(r.Total) + " 家；组织覆盖 " + r.Organizational.String() +
			"；工作覆盖 " + r.Work.String() + "；交叉任职 " + persons + "（人数／成员组织数；目标 " + r.CrossAppointmentTarget +
			"%），交叉任职组织占有党组织的组织 " + r.CrossAppointment.String() + "\n")
	}
	for _, cc := range r.ByCategory {
		b.WriteString("  " + cc.Category.Name().In(lang) + ": " + strconv.Itoa(cc.Forms.Total()) + ", " + cc.Organizational.String() + " / " + cc.Work.String() + "\n")
	}
	b.WriteString(r.Report.Describe(lang))
	return b.String()
}

// censusCutoff returns the earliest census date that is still fresh on
// asOf: a census d is stale when d + census.refresh_months is before asOf.
// AddMonths never decreases as d grows, so the fresh dates are exactly those
// on or after the first d whose refresh date reaches asOf; finding it once
// keeps the per-member test to one integer comparison.
func (c *Checker) censusCutoff(asOf hubrules.Date) hubrules.Date {
	n := c.p.CensusRefreshMonths
	d := asOf.AddMonths(-n)
	for d.AddMonths(n).Before(asOf) {
		d = d.AddDays(1)
	}
	for !d.AddDays(-1).AddMonths(n).Before(asOf) {
		d = d.AddDays(-1)
	}
	return d
}
