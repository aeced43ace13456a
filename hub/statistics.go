package hub

import (
	"strconv"
	"strings"

	"github.com/hubrules/hubrules"
)

// StatCount is one line of the party statistics: a count and the rule
// that decides what is counted.
type StatCount struct {
	Count int    `json:"count"`
	Rule  string `json:"rule"`
	// Derived counts organizations whose body was not given and was taken
	// from HUB-FORM-02 (only for the own party organizations' lines).
	Derived int `json:"derived,omitempty"`
}

// Statistics is a hub's coverage in the layout of the party's internal
// statistics for social organizations (社会组织党建工作基本情况统计): the
// organizations in all; those with a party organization, split into
// 单独组建 (党委 / 党总支 / 党支部) and 联合组建 (联合党总支 / 联合党支部,
// counting the joint bodies and the organizations they cover), with the
// activity branches (活动型、功能型党支部) apart; those with party members
// but no party organization; those without party members; those with a
// party-building instructor or liaison sent in (选派党建指导员、联络员);
// and the formal party members in all, each person once (一方隶属).
// Every line names the rule behind it. Computed by Checker.Statistics.
type Statistics struct {
	Hub string `json:"hub,omitempty"`
	// Organizations is 社会组织总数 (HUB-COV-01).
	Organizations StatCount `json:"organizations"`
	// WithPartyOrg is 已建立党组织的 = own + joint + activity (HUB-COV-01).
	WithPartyOrg StatCount `json:"with_party_org"`
	// Own* are 单独组建: committees, general branches and branches
	// (HUB-FORM-02 decides the body from the formal members when the input
	// does not give it).
	OwnCommittees      StatCount `json:"own_committees"`
	OwnGeneralBranches StatCount `json:"own_general_branches"`
	OwnBranches        StatCount `json:"own_branches"`
	// Joint* are 联合组建: the joint general branches and joint branches
	// (bodies) and the organizations each kind covers (HUB-FORM-03).
	// JointNotNamed counts organizations in a joint branch whose body the
	// input does not name: covered, but in no body count.
	JointGeneralBranches    StatCount `json:"joint_general_branches"`
	JointGeneralBranchOrgs  StatCount `json:"joint_general_branch_orgs"`
	JointBranches           StatCount `json:"joint_branches"`
	JointBranchOrgs         StatCount `json:"joint_branch_orgs"`
	JointNotNamed           StatCount `json:"joint_not_named"`
	ActivityBranchOrgs      StatCount `json:"activity_branch_orgs"`
	MembersWithoutPartyOrg  StatCount `json:"members_without_party_org"`
	WithoutPartyMembers     StatCount `json:"without_party_members"`
	InstructorOrLiaisonSent StatCount `json:"instructor_or_liaison_sent"`
	// FormalMembers is 正式党员总数: the formal members of all
	// organizations, a person claimed by two organizations counted once
	// (HUB-COV-01; the claim is a finding). Activity-branch persons keep
	// their membership at home and are not added.
	FormalMembers StatCount       `json:"formal_members"`
	Report        hubrules.Report `json:"report"`
}

// Statistics computes the party statistics of a hub's members on asOf
// (the same input as Coverage, with the optional party_body, joint_body,
// joint_bodies, persons and activity_persons). Malformed input is an
// *InputError; the member list is not modified. The report holds the
// HUB-COV-01 check (a person's membership claimed by two organizations
// is a violation) and, for organizations whose own body was derived, a
// notice that HUB-FORM-02 decided it.
func (c *Checker) Statistics(m Members, asOf hubrules.Date) (Statistics, error) {
	c, err := c.forMembers(m, asOf)
	if err != nil {
		return Statistics{}, err
	}
	if err := hubrules.RequireInForce(c.basis, RuleForm02, "form.general_branch_min_members", "form.committee_min_members"); err != nil {
		return Statistics{}, err
	}
	s := Statistics{Hub: m.Hub,
		Organizations: StatCount{Rule: RuleCov01}, WithPartyOrg: StatCount{Rule: RuleCov01},
		OwnCommittees: StatCount{Rule: RuleForm02}, OwnGeneralBranches: StatCount{Rule: RuleForm02}, OwnBranches: StatCount{Rule: RuleForm02},
		JointGeneralBranches: StatCount{Rule: RuleForm03}, JointGeneralBranchOrgs: StatCount{Rule: RuleForm03},
		JointBranches: StatCount{Rule: RuleForm03}, JointBranchOrgs: StatCount{Rule: RuleForm03}, JointNotNamed: StatCount{Rule: RuleForm03},
		ActivityBranchOrgs: StatCount{Rule: RuleCov01}, MembersWithoutPartyOrg: StatCount{Rule: RuleCov02},
		WithoutPartyMembers: StatCount{Rule: RuleForm01}, InstructorOrLiaisonSent: StatCount{Rule: RuleCov01},
		FormalMembers: StatCount{Rule: RuleCov01}}
	kinds := make(map[string]BodyKind, len(m.JointBodies))
	for _, b := range m.JointBodies {
		kinds[b.ID] = b.Kind
	}
	usedBodies := map[string]bool{}
	s.Organizations.Count = len(m.Members)
	for i := range m.Members {
		mb := &m.Members[i]
		formal := *mb.FormalMembers // required, checked before
		s.FormalMembers.Count += formal
		if formal == 0 {
			s.WithoutPartyMembers.Count++
		}
		switch mb.Form {
		case hubrules.OwnBranch:
			body := mb.PartyBody
			derived := body == ""
			if derived {
				body = c.bodyFor(formal)
			}
			line := &s.OwnBranches
			switch body {
			case Committee:
				line = &s.OwnCommittees
			case GeneralBranch:
				line = &s.OwnGeneralBranches
			}
			line.Count++
			if derived {
				line.Derived++
			}
		case hubrules.JointBranch:
			switch k, ok := kinds[mb.JointBody]; {
			case !ok:
				s.JointNotNamed.Count++
			case k == GeneralBranch:
				s.JointGeneralBranchOrgs.Count++
				if !usedBodies[mb.JointBody] {
					s.JointGeneralBranches.Count++
				}
			default:
				s.JointBranchOrgs.Count++
				if !usedBodies[mb.JointBody] {
					s.JointBranches.Count++
				}
			}
			if mb.JointBody != "" {
				usedBodies[mb.JointBody] = true
			}
		case hubrules.ActivityBranch:
			s.ActivityBranchOrgs.Count++
		case hubrules.Liaison:
			s.InstructorOrLiaisonSent.Count++
		}
		if !mb.Form.OrganizationalCoverage() {
			if formal > 0 {
				s.MembersWithoutPartyOrg.Count++
			}
		} else {
			s.WithPartyOrg.Count++
		}
	}
	claims, extra := doubleClaims(m.Members)
	s.FormalMembers.Count -= extra
	subj := m.Hub
	rep := hubrules.Report{Basis: c.basisFor(asOf, "form.general_branch_min_members", "form.committee_min_members"), Findings: []hubrules.Finding{}}
	outcome := hubrules.Pass
	if s.Organizations.Count == 0 {
		outcome = hubrules.NotApplicable
	} else if len(claims) > 0 {
		outcome = hubrules.Fail
	}
	rep.Checks = []hubrules.Check{{Rule: RuleCov01, Subject: subj, Outcome: outcome}}
	for _, d := range claims {
		rep.Findings = append(rep.Findings, doubleClaimFinding(d))
	}
	if n := s.OwnCommittees.Derived + s.OwnGeneralBranches.Derived + s.OwnBranches.Derived; n > 0 {
		rep.Findings = append(rep.Findings, hubrules.Finding{Rule: RuleForm02, Severity: hubrules.Notice, Subject: subj,
			Message: hubrules.T("部分单独组建的组织未填党组织层级，按 HUB-FORM-02 由正式党员数推出", "some own party organizations did not give their body: HUB-FORM-02 decided it from the formal members"),
			Facts:   []hubrules.Fact{fact("derived", strconv.Itoa(n))}})
	}
	if s.JointNotNamed.Count > 0 {
		rep.Findings = append(rep.Findings, hubrules.Finding{Rule: RuleForm03, Severity: hubrules.Notice, Subject: subj,
			Message: hubrules.T("部分联合组建的组织未填所在联合党组织，未计入联合党组织个数", "some organizations in a joint branch did not name their joint body: not in the count of joint bodies"),
			Facts:   []hubrules.Fact{fact("joint_not_named", strconv.Itoa(s.JointNotNamed.Count))}})
	}
	s.Report = rep
	return s, nil
}

// bodyFor is HUB-FORM-02's body for n formal members (in force: checked
// by the caller).
func (c *Checker) bodyFor(n int) BodyKind {
	switch {
	case n >= c.p.CommitteeMinMembers:
		return Committee
	case n >= c.p.GeneralBranchMinMembers:
		return GeneralBranch
	}
	return Branch
}

// StatRow is one line of the statistics table (Rows): its label in the
// layout of the party's statistics, its count with the rule behind it, and
// whether it counts organizations (the lines of bodies and of formal
// members do not, so a share of all organizations means nothing there).
type StatRow struct {
	Label hubrules.Text
	StatCount
	Orgs bool
}

// Rows returns the lines of the statistics table in the order the party's
// statistics lay them out, indented labels under their heading.
func (s Statistics) Rows() []StatRow {
	org := func(zh, en string, c StatCount) StatRow {
		return StatRow{Label: hubrules.T(zh, en), StatCount: c, Orgs: true}
	}
	other := func(zh, en string, c StatCount) StatRow { return StatRow{Label: hubrules.T(zh, en), StatCount: c} }
	return []StatRow{
		org("社会组织总数", "social organizations in all", s.Organizations),
		org("已建立党组织的社会组织", "with a party organization", s.WithPartyOrg),
		org("  单独组建：党委", "  own: committees (党委)", s.OwnCommittees),
		org("  单独组建：党总支", "  own: general branches (党总支)", s.OwnGeneralBranches),
		org("  单独组建：党支部", "  own: branches (党支部)", s.OwnBranches),
		other("  联合组建：联合党总支（个）", "  joint: general branches (bodies)", s.JointGeneralBranches),
		org("    覆盖社会组织", "    organizations they cover", s.JointGeneralBranchOrgs),
		other("  联合组建：联合党支部（个）", "  joint: branches (bodies)", s.JointBranches),
		org("    覆盖社会组织", "    organizations they cover", s.JointBranchOrgs),
		org("    未填所在联合党组织", "    joint body not named", s.JointNotNamed),
		org("  活动型（功能型）党支部覆盖", "  activity (functional) branches", s.ActivityBranchOrgs),
		org("有党员但未建立党组织的社会组织", "with party members but no party organization", s.MembersWithoutPartyOrg),
		org("没有党员的社会组织", "without party members", s.WithoutPartyMembers),
		org("选派党建指导员（联络员）的社会组织", "with a party-building instructor or liaison sent in", s.InstructorOrLiaisonSent),
		other("正式党员总数（每人只计一次）", "formal party members in all (each person once)", s.FormalMembers),
	}
}

// Describe prints the statistics as a table — item, count, rule — with
// Chinese column heads (English with lang EN), then the report.
func (s Statistics) Describe(lang hubrules.Lang) string {
	var b strings.Builder
	head := hubrules.T("项目\t数量\t依据规则", "item\tcount\trule").In(lang)
	b.WriteString(head + "\n")
	for _, r := range s.Rows() {
		count := strconv.Itoa(r.Count)
		if r.Derived > 0 {
			count += hubrules.T("（其中 "+strconv.Itoa(r.Derived)+" 个按规则推出）", " ("+strconv.Itoa(r.Derived)+" derived by the rule)").In(lang)
		}
		b.WriteString(r.Label.In(lang) + "\t" + count + "\t" + r.Rule + "\n")
	}
	b.WriteString(s.Report.Describe(lang))
	return b.String()
}
