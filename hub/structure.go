package hub

import (
	"strconv"
	"strings"

	"github.com/hubrules/hubrules"
)

// Body is one party body in a hub's party structure: a committee (党委), a
// general branch (党总支) or a branch (own, joint or activity), with its
// parent in the tree.
type Body struct {
	ID   string   `json:"id" validate:"required,max=100"`
	Name string   `json:"name,omitempty" validate:"max=200"`
	Kind BodyKind `json:"kind" validate:"enum"`
	// Parent is the ID of the body above it; empty at the top.
	Parent string `json:"parent,omitempty" validate:"max=100"`
	// FormalMembers are the formal party members organized directly in this
	// body (for a committee or general branch: those not in a branch below).
	// Required (0 when there are none).
	FormalMembers *int `json:"formal_members" validate:"required,gte=0"`
	// CommitteeSize is the number of elected committee members; 0 means a
	// secretary only (HUB-FORM-02). Required: a size left out is missing
	// data, not "no committee".
	CommitteeSize *int `json:"committee_size" validate:"required,gte=0"`
	// Units are the member organizations a joint branch covers (HUB-FORM-03).
	Units []string `json:"units,omitempty" validate:"dive,required,max=100"`
	// Approved is true when the higher organization approved a larger form
	// than the membership calls for (a general branch under 50 members, a
	// committee under 100).
	Approved bool `json:"approved,omitempty"`
	// Community is true for a village or community body (5-year terms).
	Community bool `json:"community,omitempty"`
	// ElectedOn is the date of the last election; ExtendedTo an approved
	// extension of the term (HUB-TERM-01).
	ElectedOn  hubrules.Date `json:"elected_on,omitempty"`
	ExtendedTo hubrules.Date `json:"extended_to,omitempty"`
	// TermYears is the term in years the body was elected for, when the
	// election stated it (HUB-TERM-01 checks that the rules then in force
	// allowed it); absent or 0: the rules' term, due at the shortest and
	// overdue past the longest.
	TermYears int `json:"term_years,omitempty" validate:"gte=0,lte=20" doc:"当选时确定的届期年数；缺省：按当时规定的任期，满最短任期即应换届，超过最长任期为逾期 / the term the body was elected for; absent: the rules' term, due at the shortest, overdue past the longest"`
}

// Structure is a hub's party structure, the input of CheckStructure.
type Structure struct {
	Hub    string `json:"hub" validate:"max=200"`
	Bodies []Body `json:"bodies" validate:"dive"`
}

// DecodeStructure decodes a structure from JSON strictly and validates it
// (unknown codes, negative counts, duplicate IDs, unknown or wrong parents,
// cycles, units outside joint branches and an organization in two joint
// branches are *InputErrors naming the field).
func DecodeStructure(data []byte) (Structure, error) {
	var s Structure
	if err := hubrules.DecodeJSON(data, &s); err != nil {
		return Structure{}, err
	}
	if _, err := validateStructure(s, hubrules.Date{}); err != nil {
		return Structure{}, err
	}
	return s, nil
}

// BodySummary is one body of a checked structure.
type BodySummary struct {
	ID     string   `json:"id"`
	Kind   BodyKind `json:"kind"`
	Parent string   `json:"parent,omitempty"`
	// Members is the formal members of the body and every body below it.
	Members int `json:"members"`
	// Expected is the body kind the membership calls for (HUB-FORM-02).
	Expected BodyKind    `json:"expected,omitempty"`
	Term     *TermStatus `json:"term,omitempty"`
}

// StructureResult is the "1+N+X" structure of a hub (HUB-STRUCT-01) with the
// checks of HUB-FORM-02, HUB-FORM-03 and HUB-TERM-01 on each body.
type StructureResult struct {
	Hub              string `json:"hub,omitempty"`
	Committees       int    `json:"committees"`
	GeneralBranches  int    `json:"general_branches"`
	Branches         int    `json:"branches"`
	JointBranches    int    `json:"joint_branches"`
	ActivityBranches int    `json:"activity_branches"`
	// Members is the total of formal members over all bodies.
	Members int `json:"members"`
	// Formula is "committees+general branches+branches" ("1+6+36"), where
	// branches count every branch kind.
	Formula string        `json:"formula"`
	Bodies  []BodySummary `json:"bodies"`
	// SmallBranches are the branches with fewer formal members than an own
	// branch needs.
	SmallBranches []string        `json:"small_branches,omitempty"`
	Report        hubrules.Report `json:"report"`
}

var msgTermNoRecord = hubrules.T("没有上次选举日期的记录，任期未检查（不视为按期换届）", "no record of the last election: the term was not checked (not taken as in order)")

// validateStructure checks the tree and returns the index of each body's
// parent (-1 at the top).
func validateStructure(s Structure, asOf hubrules.Date) ([]int, error) {
	var p hubrules.Problems
	idx := make(map[string]int, len(s.Bodies))
	for i, b := range s.Bodies {
		path := hubrules.Index("bodies", i)
		if b.ID == "" {
			p.Add(path+".id", "required", "", hubrules.T("组织编号（id）为必填项", "id is required"))
		} else if j, dup := idx[b.ID]; dup {
			p.Add(path+".id", "duplicate", b.ID, hubrules.T("编号 "+b.ID+" 重复（与第 "+itoa(j)+" 项相同）", "duplicate id "+b.ID+" (same as item "+itoa(j)+")"))
		} else {
			idx[b.ID] = i
		}
		if !b.Kind.Valid() {
			p.Add(path+".kind", "enum", string(b.Kind), hubrules.UnknownCode("kind", string(b.Kind), b.Kind))
		}
		if b.FormalMembers == nil {
			p.Add(path+".formal_members", "required", "", msgMissingMembers)
		} else if *b.FormalMembers < 0 {
			p.AddField(negativeField(path+".formal_members", *b.FormalMembers))
		}
		if b.CommitteeSize == nil {
			p.Add(path+".committee_size", "required", "", msgMissingCommittee)
		} else if *b.CommitteeSize < 0 {
			p.AddField(negativeField(path+".committee_size", *b.CommitteeSize))
		}
		if len(b.Units) > 0 && b.Kind != JointBranchBody {
			p.Add(path+".units", "units", b.Kind.Name().EN, hubrules.T("只有联合党支部才列出所覆盖的单位", "only a joint branch lists the units it covers"))
		}
		if !b.ExtendedTo.IsZero() && b.ElectedOn.IsZero() {
			p.Add(path+".elected_on", "required", "", hubrules.T("有延期换届时需要选举日期", "an extension needs the election date"))
		}
		if !b.ExtendedTo.IsZero() && !b.ElectedOn.IsZero() && !b.ExtendedTo.After(b.ElectedOn) {
			p.Add(path+".extended_to", "order", b.ExtendedTo.String(), hubrules.T("延期截止日期应晚于选举日期", "the extension must end after the election date"))
		}
		if !asOf.IsZero() && b.ElectedOn.After(asOf) {
			p.Add(path+".elected_on", "order", b.ElectedOn.String(), hubrules.T("选举日期晚于评估日 "+asOf.String(), "the election date is after the evaluation date "+asOf.String()))
		}
	}
	// An organization in two joint branches, or twice in one.
	unitAt := map[string]string{}
	for i, b := range s.Bodies {
		if b.Kind != JointBranchBody {
			continue
		}
		for j, u := range b.Units {
			path := hubrules.Index(hubrules.Index("bodies", i)+".units", j)
			if prev, ok := unitAt[u]; ok {
				p.Add(path, "joint_branch", u, hubrules.T("组织 "+u+" 同时属于两个联合党支部（另见 "+prev+"）", "organization "+u+" is in two joint branches (see also "+prev+")"))
				continue
			}
			unitAt[u] = path
		}
	}
	parent := make([]int, len(s.Bodies))
	for i, b := range s.Bodies {
		parent[i] = -1
		if b.Parent == "" {
			continue
		}
		path := hubrules.Index("bodies", i) + ".parent"
		j, ok := idx[b.Parent]
		if !ok {
			p.Add(path, "parent", b.Parent, hubrules.T("上级组织 "+b.Parent+" 不存在", "the parent "+b.Parent+" does not exist"))
			continue
		}
		parent[i] = j
		pk := s.Bodies[j].Kind
		okKind := false
		switch {
		case b.Kind == Committee:
			okKind = false
		case b.Kind == GeneralBranch:
			okKind = pk == Committee
		case b.Kind.IsBranch():
			okKind = pk == Committee || pk == GeneralBranch
		}
		if !okKind && b.Kind.Valid() && pk.Valid() {
			p.Add(path, "parent", b.Parent, hubrules.T(b.Kind.Name().ZH+"不能隶属于"+pk.Name().ZH, "a "+b.Kind.Name().EN+" cannot sit under a "+pk.Name().EN))
		}
	}
	if p.Len() == 0 {
		// With valid kinds every parent is strictly higher, so no cycle can
		// pass the kind check; this guard keeps the walk below safe anyway.
		for i := range parent {
			steps := 0
			for j := parent[i]; j >= 0; j = parent[j] {
				if steps++; steps > len(parent) {
					p.Add(hubrules.Index("bodies", i)+".parent", "cycle", s.Bodies[i].Parent, hubrules.T("上下级关系成环", "the parent chain is a cycle"))
					break
				}
			}
		}
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	return parent, nil
}

var (
	msgSmallBranch   = hubrules.T("党支部正式党员少于组建党支部所需人数", "a branch with fewer formal members than a branch needs")
	msgManyTop       = hubrules.T("顶层有不止一个党委（“1+N+X”只有一个党委）", "more than one committee at the top (\"1+N+X\" has one)")
	msgBranchBig     = hubrules.T("党支部党员人数超过一般上限或达到设立党总支的人数，应设党总支或党委", "the branch has more members than a branch normally has, or reaches the general-branch threshold; a general branch or committee is due")
	msgNeedCommittee = hubrules.T("正式党员达到设立委员会的人数，应设委员会", "a body with enough formal members for a committee must elect one")
	msgCommitteeFew  = hubrules.T("委员会人数少于最低人数", "the committee has fewer members than the minimum")
	msgCommitteeMany = hubrules.T("委员会人数超过上限", "the committee has more members than the cap")
	msgCommitteeBig  = hubrules.T("委员会人数超过一般人数", "the committee is larger than usual")
	msgSecretaryOnly = hubrules.T("正式党员不足设立委员会的人数，一般只设书记", "too few formal members for a committee: normally a secretary only")
	msgGBSmall       = hubrules.T("党员人数未达设立党总支的标准，需经批准", "a general branch below the general-branch threshold needs approval")
	msgGBBig         = hubrules.T("党员人数达到设立基层党委的标准，应设党委", "members at the committee threshold: a basic-level committee is due")
	msgCSmall        = hubrules.T("党员人数未达设立基层党委的标准，需经批准", "a committee below the committee threshold needs approval")
	msgJointMany     = hubrules.T("联合党支部覆盖单位超过上限", "the joint branch covers more units than allowed")
)

// CheckStructure checks a hub's party structure on asOf: the "1+N+X" counts
// and members (HUB-STRUCT-01, branches under 3 formal members flagged), each
// body's size and committee (HUB-FORM-02), joint-branch units (HUB-FORM-03)
// and terms (HUB-TERM-01). Malformed structures are *InputErrors.
func (c *Checker) CheckStructure(s Structure, asOf hubrules.Date) (StructureResult, error) {
	if asOf.IsZero() {
		return StructureResult{}, hubrules.NewInputError(hubrules.FieldError{Path: "as_of", Code: "required",
			Message: hubrules.T("需要评估日期", "an evaluation date is required")})
	}
	parent, err := validateStructure(s, asOf)
	if err != nil {
		return StructureResult{}, err
	}
	c, err = c.at(asOf)
	if err != nil {
		return StructureResult{}, err
	}
	// HUB-TERM-01 of each elected body, with the term rules in force on
	// its election date (resolved once a date).
	var probs hubrules.Problems
	terms := make([]*TermStatus, len(s.Bodies))
	termUnset := make([][]hubrules.Unset, len(s.Bodies))
	rulesOn := map[hubrules.Date]termRules{}
	var termRefs []hubrules.ParamRef
	for i, b := range s.Bodies {
		if b.ElectedOn.IsZero() {
			if b.TermYears != 0 {
				probs.Add(hubrules.Index("bodies", i)+".elected_on", "required", "", hubrules.T("有届期年数时需要选举日期", "a term needs the election date"))
			}
			continue
		}
		path := hubrules.Index("bodies", i)
		n := probs.Len()
		c.checkTermInput(&probs, path, b, asOf)
		if probs.Len() > n {
			continue
		}
		tr, ok := rulesOn[b.ElectedOn]
		if !ok {
			if tr, err = c.termRulesAt(path+".elected_on", b.ElectedOn); err != nil {
				probs.Merge("", err)
				continue
			}
			rulesOn[b.ElectedOn] = tr
		}
		t, unset, err := c.termOf(path, b, tr, asOf)
		if err != nil {
			probs.Merge("", err)
			continue
		}
		if len(unset) > 0 {
			termUnset[i] = unset
			continue
		}
		terms[i] = &t
		termRefs = append(termRefs, tr.ref(t.Param))
	}
	if err := probs.Err(); err != nil {
		return StructureResult{}, err
	}
	n := len(s.Bodies)
	members := make([]int, n)
	for i, b := range s.Bodies {
		for j := i; j >= 0; j = parent[j] {
			members[j] += *b.FormalMembers
		}
	}
	r := StructureResult{Hub: s.Hub, Bodies: make([]BodySummary, 0, n)}
	var checks []hubrules.Check
	var fs []hubrules.Finding
	add := func(rule, subject string, fail bool, f ...hubrules.Finding) {
		o := hubrules.Pass
		if fail {
			o = hubrules.Fail
		}
		checks = append(checks, hubrules.Check{Rule: rule, Subject: subject, Outcome: o})
		fs = append(fs, f...)
	}
	// gate records rule as not in force for subject when any of names is
	// unset, and reports whether the rule can be decided.
	gate := func(rule, subject string, names ...string) bool {
		u := c.unset(names...)
		if len(u) == 0 {
			return true
		}
		ch, f := notInForce(rule, subject, asOf, u)
		checks = append(checks, ch)
		fs = append(fs, f)
		return false
	}
	ownOK := len(c.unset("form.own_branch_min_formal")) == 0
	topCommittees := 0
	for i, b := range s.Bodies {
		m := members[i]
		r.Members += *b.FormalMembers
		sum := BodySummary{ID: b.ID, Kind: b.Kind, Parent: b.Parent, Members: m, Expected: c.form(m).Body}
		mf := func(extra ...hubrules.Fact) []hubrules.Fact {
			return append([]hubrules.Fact{hubrules.CodeFact("kind", b.Kind), fact("members", strconv.Itoa(m))}, extra...)
		}
		switch b.Kind {
		case Committee:
			r.Committees++
			if parent[i] < 0 {
				topCommittees++
			}
			if !gate(RuleForm02, b.ID, "form.committee_min_members") {
				break
			}
			small := m < c.p.CommitteeMinMembers && !b.Approved
			var f []hubrules.Finding
			if small {
				f = append(f, hubrules.Finding{Rule: RuleForm02, Severity: hubrules.Warning, Subject: b.ID, Message: msgCSmall,
					Facts: mf(fact("form.committee_min_members", itoa(c.p.CommitteeMinMembers)))})
			}
			add(RuleForm02, b.ID, false, f...)
		case GeneralBranch:
			r.GeneralBranches++
			if !gate(RuleForm02, b.ID, "form.general_branch_min_members", "form.committee_min_members") {
				break
			}
			var f []hubrules.Finding
			if m < c.p.GeneralBranchMinMembers && !b.Approved {
				f = append(f, hubrules.Finding{Rule: RuleForm02, Severity: hubrules.Warning, Subject: b.ID, Message: msgGBSmall,
					Facts: mf(fact("form.general_branch_min_members", itoa(c.p.GeneralBranchMinMembers)))})
			}
			if m >= c.p.CommitteeMinMembers {
				f = append(f, hubrules.Finding{Rule: RuleForm02, Severity: hubrules.Warning, Subject: b.ID, Message: msgGBBig,
					Facts: mf(fact("form.committee_min_members", itoa(c.p.CommitteeMinMembers)))})
			}
			add(RuleForm02, b.ID, false, f...)
		default: // branches
			switch b.Kind {
			case JointBranchBody:
				r.JointBranches++
			case ActivityBranchBody:
				r.ActivityBranches++
			default:
				r.Branches++
			}
			if ownOK && m < c.p.OwnBranchMinFormal {
				r.SmallBranches = append(r.SmallBranches, b.ID)
				add(RuleStruct01, b.ID, true, hubrules.Finding{Rule: RuleStruct01, Severity: hubrules.Violation, Subject: b.ID, Message: msgSmallBranch,
					Facts: mf(fact("form.own_branch_min_formal", itoa(c.p.OwnBranchMinFormal)))})
			}
			if gate(RuleForm02, b.ID, c.branchFormParams(m, *b.CommitteeSize)...) {
				fail, f := c.committeeFindings(b, m, mf)
				// A branch at the general-branch threshold draws the same
				// warning as one above the branch's usual size: HUB-FORM-02
				// calls for a general branch from 50 members (inclusive,
				// 党员50人以上的), so both rules agree at exactly 50 and 100.
				if m > c.p.BranchMaxMembers || m >= c.p.GeneralBranchMinMembers {
					f = append(f, hubrules.Finding{Rule: RuleForm02, Severity: hubrules.Warning, Subject: b.ID, Message: msgBranchBig,
						Facts: mf(fact("form.branch_max_members", itoa(c.p.BranchMaxMembers)), fact("form.general_branch_min_members", itoa(c.p.GeneralBranchMinMembers)))})
				}
				add(RuleForm02, b.ID, fail, f...)
			}
			if b.Kind == JointBranchBody && gate(RuleForm03, b.ID, "form.joint_branch_max_units") {
				over := len(b.Units) > c.p.JointBranchMaxUnits
				var jf []hubrules.Finding
				if over {
					jf = append(jf, hubrules.Finding{Rule: RuleForm03, Severity: hubrules.Violation, Subject: b.ID, Message: msgJointMany,
						Facts: []hubrules.Fact{fact("units", itoa(len(b.Units))), fact("form.joint_branch_max_units", itoa(c.p.JointBranchMaxUnits))}})
				}
				add(RuleForm03, b.ID, over, jf...)
			}
		}
		switch {
		case b.ElectedOn.IsZero():
			// No record of the election: not checked, and said so — never
			// taken as a term in order.
			checks = append(checks, hubrules.Check{Rule: RuleTerm01, Subject: b.ID, Outcome: hubrules.NotApplicable})
			fs = append(fs, hubrules.Finding{Rule: RuleTerm01, Severity: hubrules.Notice, Subject: b.ID, Message: msgTermNoRecord})
		case termUnset[i] != nil:
			ch, f := notInForce(RuleTerm01, b.ID, unsetDate(termUnset[i], b.ElectedOn, asOf), termUnset[i])
			checks = append(checks, ch)
			fs = append(fs, f)
		default:
			sum.Term = terms[i]
			o, f := c.termFindings(b.ID, *terms[i], asOf)
			checks = append(checks, hubrules.Check{Rule: RuleTerm01, Subject: b.ID, Outcome: o})
			fs = append(fs, f...)
		}
		r.Bodies = append(r.Bodies, sum)
	}
	r.Formula = itoa(r.Committees) + "+" + itoa(r.GeneralBranches) + "+" + itoa(r.Branches+r.JointBranches+r.ActivityBranches)
	var top []hubrules.Finding
	if topCommittees > 1 {
		top = append(top, hubrules.Finding{Rule: RuleStruct01, Severity: hubrules.Warning, Subject: s.Hub, Message: msgManyTop,
			Facts: []hubrules.Fact{fact("committees", itoa(topCommittees))}})
	}
	// HUB-STRUCT-01 counts the tree always; its small-branch test needs
	// form.own_branch_min_formal.
	head := hubrules.Check{Rule: RuleStruct01, Subject: s.Hub, Outcome: outcome(len(r.SmallBranches) > 0)}
	if !ownOK {
		var f hubrules.Finding
		head, f = notInForce(RuleStruct01, s.Hub, asOf, c.unset("form.own_branch_min_formal"))
		top = append(top, f)
	}
	checks = append([]hubrules.Check{head}, checks...)
	basis := c.basisFor(asOf, "form.own_branch_min_formal", "form.committee_min_formal", "form.branch_committee_min", "form.branch_committee_max",
		"form.branch_committee_cap", "form.branch_max_members", "form.general_branch_min_members", "form.committee_min_members",
		"form.joint_branch_max_units", "term.max_extension_months", "term.due_soon_days")
	addRefs(&basis, termRefs...)
	r.Report = hubrules.Report{Basis: basis, Checks: checks, Findings: append(top, fs...)}
	if r.Report.Findings == nil {
		r.Report.Findings = []hubrules.Finding{}
	}
	return r, nil
}

// branchFormParams are the parameters HUB-FORM-02 reads of a branch of m
// formal members with a committee of size n (committeeFindings): whether
// it needs a committee and its largest membership always; the committee's
// bounds only when it has a committee and enough members for one.
func (c *Checker) branchFormParams(m, n int) []string {
	names := []string{"form.committee_min_formal", "form.branch_max_members", "form.general_branch_min_members"}
	if n > 0 && len(c.unset("form.committee_min_formal")) == 0 && m >= c.p.CommitteeMinFormal {
		names = append(names, "form.branch_committee_min", "form.branch_committee_max", "form.branch_committee_cap")
	}
	return names
}

// addRefs adds to b each of refs it does not hold yet (the same parameter,
// programme and effective date), raising Effective to the latest.
func addRefs(b *hubrules.Basis, refs ...hubrules.ParamRef) {
	for _, r := range refs {
		seen := false
		for _, q := range b.Params {
			seen = seen || q.Name == r.Name && q.Programme == r.Programme && q.From == r.From
		}
		if seen {
			continue
		}
		b.Params = append(b.Params, r)
		if r.From.After(b.Effective) {
			b.Effective = r.From
		}
	}
}

var msgMissingCommittee = hubrules.T("缺少委员会人数 committee_size（只设书记时写 0）", "committee_size is missing; write 0 for a secretary only")

func (c *Checker) committeeFindings(b Body, m int, mf func(...hubrules.Fact) []hubrules.Fact) (bool, []hubrules.Finding) {
	n := *b.CommitteeSize // required: validateStructure refused a body without it
	size := fact("committee_size", itoa(n))
	var f []hubrules.Finding
	fail := false
	switch {
	case m >= c.p.CommitteeMinFormal && n == 0:
		fail = true
		f = append(f, hubrules.Finding{Rule: RuleForm02, Severity: hubrules.Violation, Subject: b.ID, Message: msgNeedCommittee,
			Facts: mf(fact("form.committee_min_formal", itoa(c.p.CommitteeMinFormal)))})
	case m < c.p.CommitteeMinFormal && n > 0:
		f = append(f, hubrules.Finding{Rule: RuleForm02, Severity: hubrules.Warning, Subject: b.ID, Message: msgSecretaryOnly,
			Facts: mf(size, fact("form.committee_min_formal", itoa(c.p.CommitteeMinFormal)))})
	case n == 0:
	case n < c.p.BranchCommitteeMin:
		fail = true
		f = append(f, hubrules.Finding{Rule: RuleForm02, Severity: hubrules.Violation, Subject: b.ID, Message: msgCommitteeFew,
			Facts: mf(size, fact("form.branch_committee_min", itoa(c.p.BranchCommitteeMin)))})
	case n > c.p.BranchCommitteeCap:
		fail = true
		f = append(f, hubrules.Finding{Rule: RuleForm02, Severity: hubrules.Violation, Subject: b.ID, Message: msgCommitteeMany,
			Facts: mf(size, fact("form.branch_committee_cap", itoa(c.p.BranchCommitteeCap)))})
	case n > c.p.BranchCommitteeMax:
		f = append(f, hubrules.Finding{Rule: RuleForm02, Severity: hubrules.Warning, Subject: b.ID, Message: msgCommitteeBig,
			Facts: mf(size, fact("form.branch_committee_max", itoa(c.p.BranchCommitteeMax)))})
	}
	return fail, f
}

func outcome(fail bool) hubrules.Outcome {
	if fail {
		return hubrules.Fail
	}
	return hubrules.Pass
}

// Describe renders the structure for people.
func (r StructureResult) Describe(lang hubrules.Lang) string {
	var b strings.Builder
	if lang == hubrules.EN {
		b.WriteString("structure " + r.Formula + ": " + itoa(r.Committees) + " committees, " + itoa(r.GeneralBranches) + " general branches, " +
			itoa(r.Branches) + " branches, " + itoa(r.JointBranches) + " joint branches, " + itoa(r.ActivityBranches) + " activity branches; " + itoa(r.Members) + " formal members\n")
	} else {
		b.WriteString("组织架构 " + r.Formula + "：党委 " + itoa(r.Committees) + " 个，党总支 " + itoa(r.GeneralBranches) + " 个，党支部 " +
			itoa(r.Branches) + " 个，联合党支部 " + itoa(r.JointBranches) + " 个，活动型党支部 " + itoa(r.ActivityBranches) + " 个；正式党员 " + itoa(r.Members) + " 名\n")
	}
	b.WriteString(r.Report.Describe(lang))
	return b.String()
}
